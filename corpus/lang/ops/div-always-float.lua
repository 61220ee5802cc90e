-- '/' always produces a float, even for exact integer division.
print(6 / 2, 7 / 2, -7 / 2)
print(math.type(6 / 2), math.type(1 / 1))
print(1 / 3, 2 / 3, 10 / 4)
print(0 / 5, -0 / 5, 0 / -5)
print(math.maxinteger / 1, math.mininteger / -1)
