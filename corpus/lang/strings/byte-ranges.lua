-- string.byte with default, negative and out-of-range indices.
local s = 'abcdef'
print(s:byte(), s:byte(3), s:byte(-1), s:byte(2, 4))
print(s:byte(10), s:byte(0), s:byte(-10, 2), select('#', s:byte(4, 2)))
print(s:byte(-3, -1))
