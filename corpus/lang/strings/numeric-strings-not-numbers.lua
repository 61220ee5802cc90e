-- Numeric strings stay strings except in arithmetic.
local s = '10'
print(type(s), s == 10, s + 0 == 10, #s)
print(s .. 5, s + 5, s * '2')
print(math.type(s), math.type(tonumber(s)))
