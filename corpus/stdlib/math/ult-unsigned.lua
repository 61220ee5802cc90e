-- math.ult compares integers as unsigned 64-bit numbers.
print(math.ult(1, 2), math.ult(2, 1), math.ult(1, 1))
print(math.ult(-1, 1), math.ult(1, -1), math.ult(-2, -1))
print(math.ult(math.maxinteger, math.mininteger), math.ult(math.mininteger, math.maxinteger))
print(math.ult(0, math.mininteger), math.ult(2.0, "3"))
print(pcall(math.ult, 1.5, 2))
print(pcall(math.ult, 1))
print(pcall(math.ult, "a", 1))
