-- math.randomseed's results and arguments, and the ranges of math.random. The reference's
-- generator is C's rand(), shared by every thread of the process, so that the harness's
-- parallel tests cannot rely on a seed repeating a sequence: only ranges are compared.
print(select("#", math.randomseed(42)), select("#", math.randomseed(42.9)), select("#", math.randomseed("7")))
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
