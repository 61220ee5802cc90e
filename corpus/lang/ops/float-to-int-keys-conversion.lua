-- Float results that are integral index arrays like integers.
local t = {'a', 'b', 'c'}
print(t[4 / 2], t[3 / 1], t[1.0], t[0.5 * 6])
print(t[2^1], t[9 // 3.0])
local i = 1.0
print(t[i + 1])
