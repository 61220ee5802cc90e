-- __newindex as a function; rawset inside it stores the value.
local log = {}
local t = setmetatable({}, {__newindex = function(tbl, k, v)
  log[#log + 1] = tostring(k) .. '=' .. tostring(v)
  rawset(tbl, k, v * 10)
end})
t.a = 1
t.a = 2
t.b = 3
print(t.a, t.b, table.concat(log, ' '))
