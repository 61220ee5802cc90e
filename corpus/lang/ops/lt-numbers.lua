-- Ordered comparisons on numbers of both subtypes.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 2 > 1)
print(1 < 1.5, 1.5 < 2, -1 > -1.5, 1.0 <= 1)
print(math.mininteger < math.maxinteger, -math.huge < math.mininteger)
print(0.0 < -0.0, -0.0 < 0.0, -0.0 <= 0.0)
local vals = {3, 1.5, -2, 0, 10, -0.5}
table.sort(vals)
print(table.concat(vals, ' '))
