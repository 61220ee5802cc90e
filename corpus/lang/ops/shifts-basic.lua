-- Shifts are logical: zeros fill from either side.
print(1 << 0, 1 << 1, 1 << 10, 1 << 62, 1 << 63)
print(256 >> 4, 256 >> 8, 256 >> 9)
print(-1 >> 1, -1 >> 60, -1 >> 63)
print(-1 << 1, -8 >> 1)
print(math.mininteger >> 63, math.maxinteger << 1)
