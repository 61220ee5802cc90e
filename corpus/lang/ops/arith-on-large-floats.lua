-- Operations on floats beyond the integer range.
print(2^63 + 1, 2^64 - 1, 2^63 * 2)
print(2^63 // 1, 2^63 % 2, -2^63 // 3)
print(1e308 + 1e308, 1e-323 / 2, 1e-323 * 0.1)
print(math.maxinteger + 1.0, math.mininteger - 1.0)
print(math.maxinteger * 1.0 == 2^63)
