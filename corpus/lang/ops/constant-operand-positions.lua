-- Constants on either side of an operator (RK operands).
local x, s = 10, 'b'
print(1 - x, x - 1, 2 * x, x * 2, 100 // x, x // 3)
print(x % 3, 3 % x, 2 ^ x, x ^ 2, 1 / x, x / 4)
print('a' .. s, s .. 'c', 1 .. s, s .. 1.5)
print(x == 10, 10 == x, x < 11, 11 < x, x <= 10.0, 10.0 >= x)
print(s == 'b', 'b' == s, s < 'c', 'a' < s)
print(x & 6, 6 | x, x ~ 0xF, 1 << x, x >> 1)
