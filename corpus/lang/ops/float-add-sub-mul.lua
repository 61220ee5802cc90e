-- Mixing a float operand makes the result a float.
local a, b = 7, 3.0
print(a + b, a - b, a * b)
print(math.type(a + b), math.type(a - b), math.type(a * b))
print(1.5 + 1.5, 0.1 + 0.2, 2.5 * 4)
print(1e308 * 10, -1e308 * 10)
print(3.0 - 3, 0.0 * -1)
