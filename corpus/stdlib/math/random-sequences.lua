-- randomseed makes math.random repeat its sequence; values are checked against each other only.
local function draw(n, ...)
  local out = {}
  for i = 1, n do out[i] = math.random(...) end
  return out
end
local function same(a, b)
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return #a == #b
end
math.randomseed(42)
local a = draw(20)
math.randomseed(42)
local b = draw(20)
print(same(a, b), select("#", math.randomseed(42)))
math.randomseed(42)
local c = draw(20, 1, 1000)
math.randomseed(42.9)
local d = draw(20, 1, 1000)
print(same(c, d))
math.randomseed("7")
local e = draw(10, 3)
math.randomseed(7)
print(same(e, draw(10, 3)))
local ok = true
for i = 1, 200 do
  local x, y, z = math.random(), math.random(5), math.random(-3, 3)
  ok = ok and x >= 0 and x < 1 and math.type(x) == "float"
  ok = ok and y >= 1 and y <= 5 and math.type(y) == "integer"
  ok = ok and z >= -3 and z <= 3
end
print(ok)
local big = math.random(math.maxinteger)
print(math.type(big), big >= 1)
local neg = math.random(math.mininteger, -1)
print(math.type(neg), neg < 0)
math.randomseed(0)
