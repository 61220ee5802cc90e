-- Hexadecimal integer literals wrap around; with a dot or p they are floats.
print(0x10, 0xff, 0XA, 0xffffffffffffffff, 0x7fffffffffffffff)
print(0x8000000000000000, 0x10000000000000000)
print(0x1p4, 0x.8, 0xA.8p1, 0x1P-2)
print(math.type(0x10), math.type(0x1p4))
