-- Ordering between integers and floats near 2^63.
local max, min = math.maxinteger, math.mininteger
print(2^63 > max, 2^63 >= max, 2^63 < max, 2^63 <= max)
print(max < 2^63, max <= 2^63, max > 2^63)
print(-2^63 < min, -2^63 <= min, -2^63 >= min)
print(min > -2^63, min >= -2^63)
print(max + 0.0 > max, max + 0.0 >= max)
print(math.huge > max, -math.huge < min)
