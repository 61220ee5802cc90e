-- The special cases of mininteger with -1.
local min = math.mininteger
print(min // -1, min % -1)
print(math.type(min // -1), math.type(min % -1))
print(min // 1, min % 1)
print(min // -1.0, min % -1.0)
print(min // 2, min % 3, min // -3)
