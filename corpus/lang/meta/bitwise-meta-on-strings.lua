-- Strings in bitwise ops with a table operand go to the metamethod.
local t = setmetatable({}, {__band = function(a, b)
  return type(a) .. '&' .. type(b)
end})
print('abc' & t, t & 'abc', '3' & t)
