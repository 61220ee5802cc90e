-- Constant expressions give the same results as run-time ones.
local x = 2^53 + 1
local y = 2^53
print(x, x == y)
local one = 1
print(2^53 + one == 2^53 + 1)
print(1 // 1, 7 // 2 * 2 + 7 % 2, 3 | 4 & 5)
print(-(-9223372036854775807 - 1), 1 << 63 >> 63)
print(10 / 2, 0x7fffffffffffffff + 1)
print(-0.0, 0.0 * -1, 3 - 3.0)
