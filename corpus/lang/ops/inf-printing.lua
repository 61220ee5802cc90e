-- Infinities print as inf and -inf.
print(math.huge, -math.huge)
print(1e308 * 10, -1e308 * 10)
print(math.huge + 1, math.huge - 1e308, math.huge == math.huge)
print(math.type(math.huge), math.huge > math.maxinteger)
print(-math.huge < math.mininteger)
print(string.format('%g %g', math.huge, -math.huge))
