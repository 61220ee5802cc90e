-- Arithmetic between non-numeric strings and tables uses the table's metamethod.
local t = setmetatable({}, {
  __add = function(a, b) return 'add:' .. (type(a) == 'string' and a or 'T') .. (type(b) == 'string' and b or 'T') end,
  __concat = function(a, b) return 'cat' end,
})
print('abc' + t, t + 'xyz', '10' + t)
print(t .. 'x', 'x' .. t)
