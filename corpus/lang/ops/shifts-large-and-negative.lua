-- Shifts by 64 or more give zero; negative counts shift the other way.
print(1 << 64, 1 << 65, -1 << 64, -1 >> 64, 1 << 100)
print(1 << -1, 2 << -1, 256 << -4, 256 >> -4)
print(-1 >> -1, 1 >> -63, 1 >> -64)
print(1 << math.mininteger, 1 >> math.mininteger, 1 << math.maxinteger)
print(-1 << 63, 3 << 62)
