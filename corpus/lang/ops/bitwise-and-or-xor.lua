-- Binary bitwise operators on integers.
print(5 & 3, 5 | 3, 5 ~ 3)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ~ 0xFF)
print(-1 & 0xFF, -1 | 0, -1 ~ 0)
print(math.maxinteger & math.mininteger, math.maxinteger | math.mininteger)
print(math.maxinteger ~ math.mininteger)
print(6 & 3 | 8, 6 | 3 & 8, 1 ~ 3 & 2)
