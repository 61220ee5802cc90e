-- string.sub with positive, negative and out-of-range indices.
local s = 'hello world'
print(s:sub(1, 5), s:sub(7), s:sub(-5), s:sub(-5, -3))
print(s:sub(0), s:sub(5, 4), s:sub(100), s:sub(-100, 2))
print(s:sub(3, -3), s:sub(2, 2), s:sub(-1, -1), s:sub(11, 11))
print(s:sub(math.mininteger, math.maxinteger), s:sub(2.0, 3))
