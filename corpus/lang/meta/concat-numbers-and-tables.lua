-- Number operands arrive at __concat unconverted.
local t = setmetatable({}, {__concat = function(a, b)
  return (math.type(a) or type(a)) .. ',' .. (math.type(b) or type(b))
end})
print(1 .. t)
print(t .. 1.5)
print(t .. 'x')
