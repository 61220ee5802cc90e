-- __concat may return any value, and the chain continues from it.
local t = setmetatable({}, {__concat = function(a, b) return 42 end})
print('a' .. t, math.type('a' .. t))
print('x' .. ('a' .. t))
local u = setmetatable({}, {__concat = function() return nil end})
print(u .. 'z', 'z' .. u)
