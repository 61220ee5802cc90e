-- Integer +, -, * keep the integer subtype.
local a, b = 7, 3
print(a + b, a - b, a * b)
print(math.type(a + b), math.type(a - b), math.type(a * b))
print(-a + b, a - -b, -a * -b)
print(0 - 0, 0 * -1, 1 - 1)
print(123456789 * 1000, 2 * 3 * 4 * 5 * 6)
