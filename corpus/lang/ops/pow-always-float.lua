-- '^' always produces a float and is right associative.
print(2 ^ 2, 2 ^ 0.5, 2 ^ -1)
print(math.type(2 ^ 2), math.type(4 ^ 0))
print(2 ^ 3 ^ 2, (2 ^ 3) ^ 2)
print(-2 ^ 2, (-2) ^ 2)
print(2 ^ 63, 2 ^ 64, 10 ^ 15, 10 ^ 16)
print(0 ^ 0, 0 ^ -1, (-8) ^ (1/3) ~= (-8) ^ (1/3))
