-- __lt is used when one operand is a number or string.
local mt = {__lt = function(a, b)
  local function v(x) return type(x) == 'table' and x.v or x end
  return v(a) < v(b)
end}
local t = setmetatable({v = 5}, mt)
print(t < 10, 10 < t, 1 > t, t > 1)
print(pcall(function() return t < 'x' end))
