-- Results of one operation feeding the next, in registers and in place.
local a = 1
a = a + a; a = a * a; a = a - 1; a = a // 2; a = a % 3; a = a ^ 2
print(a, math.type(a))
local b = 10
b = -b; b = ~b; b = b << 2; b = b >> 1; b = b & 0xff; b = b | 1; b = b ~ 3
print(b)
