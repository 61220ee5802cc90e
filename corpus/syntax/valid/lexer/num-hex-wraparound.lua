x = 0xffffffffffffffffff
y = 0x7fffffffffffffff
z = 0xffffffffffffffff
w = 0x10000000000000000
