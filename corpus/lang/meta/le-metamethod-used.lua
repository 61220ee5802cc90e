-- When __le exists it is used and __lt is not consulted for '<='.
local log = {}
local mt = {
  __lt = function() log[#log + 1] = 'lt'; return true end,
  __le = function() log[#log + 1] = 'le'; return false end,
}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a <= b, a >= b, a < b, a > b)
print(table.concat(log, ' '))
