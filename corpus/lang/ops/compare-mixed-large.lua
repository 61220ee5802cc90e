-- Comparisons between integers and floats that are not exactly representable.
local i = math.maxinteger
local f = 9.2233720368547758e18
print(i < f, i <= f, i == f, i > f)
print(i - 1 < f, (i - 1) + 0.0 == f)
print(9007199254740993 < 9007199254740992.5, 9007199254740993 > 9007199254740992.5)
print(-9007199254740993 < -9007199254740992.0)
print(1 < 1.0000000000000002, 1 == 1.0000000000000002)
