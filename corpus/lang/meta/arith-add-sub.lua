-- __add and __sub with the table on either side.
local mt = {}
mt.__add = function(a, b) return 'add(' .. tostring(type(a)) .. ',' .. tostring(type(b)) .. ')' end
mt.__sub = function(a, b)
  local x = type(a) == 'table' and a.v or a
  local y = type(b) == 'table' and b.v or b
  return x - y
end
local t = setmetatable({v = 10}, mt)
print(t + 1, 1 + t, t + t, 'a' + t)
print(t - 3, 30 - t, t - t)
