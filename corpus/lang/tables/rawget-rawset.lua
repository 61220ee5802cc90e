-- rawget and rawset bypass __index and __newindex.
local log = {}
local t = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = 'get ' .. k; return 'meta' end,
  __newindex = function(_, k) log[#log + 1] = 'set ' .. k end,
})
print(t.a, rawget(t, 'a'))
t.b = 1
print(rawget(t, 'b'))
print(rawset(t, 'c', 3) == t, t.c, rawget(t, 'c'))
print(table.concat(log, ', '))
print(pcall(rawget, 1, 2))
print(pcall(rawset, {}, 1))
