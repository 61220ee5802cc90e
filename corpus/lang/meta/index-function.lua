-- __index as a function receives the table and the key.
local calls = 0
local t = setmetatable({}, {__index = function(tbl, k)
  calls = calls + 1
  return type(k) == 'number' and k * 2 or ('key:' .. tostring(k))
end})
print(t[21], t.name, t[1.5], t[true])
print(calls, rawget(t, 21))
t.name = 'own'
print(t.name, calls)
