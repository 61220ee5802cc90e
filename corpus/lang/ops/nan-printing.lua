-- NaN prints with a sign that depends on how it was produced.
local nan = 0/0
print(nan, -nan)
print(tostring(0/0), tostring(-(0/0)))
print(nan == nan, nan ~= nan, nan < nan, nan >= nan)
print(math.huge - math.huge, math.huge * 0)
print(string.format('%.14g', 0/0))
print(tostring(nan) == tostring(nan))
