-- Measures: OOP method calls through metatables and __index inheritance chains.
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:add(o) self.x = self.x + o.x; self.y = self.y + o.y; return self end
function Point:dot(o) return self.x * o.x + self.y * o.y end
function Point:norm1()
  local x, y = self.x, self.y
  if x < 0 then x = -x end
  if y < 0 then y = -y end
  return x + y
end

local Point3 = setmetatable({}, {__index = Point})
Point3.__index = Point3
function Point3.new(x, y, z)
  local p = Point.new(x, y); p.z = z
  return setmetatable(p, Point3)
end
function Point3:dot(o) return Point.dot(self, o) + self.z * o.z end

local N = 1500000
local a, b = Point.new(1, 2), Point.new(3, -1)
local c, d = Point3.new(1, 1, 1), Point3.new(2, 0, -1)
local acc = 0
for i = 1, N do
  a:add(b)
  acc = acc + a:dot(b) % 1000 + c:dot(d) + c:norm1()
  if a.x > 100000 then a.x, a.y = 1, 2 end
end
print('methods', acc, a.x, a.y)
