-- math.fmod with a float argument is C's fmod: sign of the dividend, NaN for zero divisors.
print(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(7.5, -2), math.fmod(7, 2.5))
print(math.fmod(1, 1/0), math.fmod(-1, 1/0), math.fmod(0.0, 3), math.fmod(-0.0, 3))
local nan = math.fmod(1, 0.0)
print(nan ~= nan, math.fmod(1/0, 2) ~= math.fmod(1/0, 2))
print(math.fmod(2^60 + 0.0, 3), math.fmod(1e308, 1e-308) >= 0)
print(math.fmod("7", "2"), math.type(math.fmod("7", "2")), math.fmod("7.0", 2))
