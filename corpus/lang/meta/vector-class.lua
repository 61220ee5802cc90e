-- A small vector class using several metamethods together.
local V = {}
V.__index = V
local function new(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return new(a.x + b.x, a.y + b.y) end
V.__mul = function(a, b)
  if type(a) == 'number' then return new(a * b.x, a * b.y) end
  if type(b) == 'number' then return new(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__tostring = function(v) return '(' .. v.x .. ',' .. v.y .. ')' end
V.__len = function(v) return math.abs(v.x) + math.abs(v.y) end
V.__unm = function(v) return new(-v.x, -v.y) end
local a, b = new(1, 2), new(3, 4)
print(a + b, a * b, 2 * a, a * 2, -a, #b)
print(a + b == new(4, 6), a == b)
