-- Ordering near 2^53, where floats lose integer precision.
local big = 2^53
local ibig = 9007199254740992
print(big == ibig, ibig + 1 > big, ibig + 1 == big)
print(ibig + 1 < big + 2, ibig + 1 > big + 0.0)
print(big + 1 == big, ibig - 1 < big)
print(9007199254740993 < 9007199254740994.0)
print(9007199254740993 <= 9007199254740992.0)
print(9007199254740993 == 9007199254740992.0)
