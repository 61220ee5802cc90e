-- Infinities and NaN pass through the library as C's functions treat them.
local inf, nan = math.huge, 0 / 0
print(math.max(1, inf), math.min(-inf, 1), math.abs(-inf), math.floor(-inf), math.ceil(inf))
print(math.max(nan, 1) ~= math.max(nan, 1), math.max(1, nan))
print(math.min(nan, 1) ~= math.min(nan, 1), math.min(1, nan))
print(math.tointeger(inf), math.tointeger(nan), math.type(inf), math.type(nan))
print(math.sqrt(inf), math.exp(-inf), math.log(inf), math.atan(inf), math.atan(-inf, 1))
print(math.fmod(5, inf), math.fmod(-5, inf), select(2, math.modf(inf)), select(2, math.modf(-inf)))
print(math.ult(0, 0), math.abs(nan) ~= math.abs(nan))
