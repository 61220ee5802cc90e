-- Bitwise operators accept integral floats and numeric strings.
print(3.0 | 0, 2.0 & 3, 1.0 ~ 3.0, 1.0 << 4)
print(math.type(3.0 | 0))
print('3' & 1, '0x10' | 1, ' 7 ' ~ 2, '2.0' << 1)
print(2^53 | 0, -2^63 | 0)
print(~'0', '8' >> '1')
