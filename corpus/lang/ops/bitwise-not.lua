-- Unary '~' is bitwise not.
print(~0, ~1, ~-1, ~5)
print(~math.maxinteger, ~math.mininteger)
print(~~7, ~0 == -1)
print(~0xF, ~'3', ~3.0)
print(math.type(~3.0))
