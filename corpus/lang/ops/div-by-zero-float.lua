-- Float division by zero gives inf, -inf or nan; no error.
print(1 / 0, -1 / 0, 1 / -0.0)
print(1.0 / 0, 0.0 / 0 ~= 0.0 / 0)
print(math.type(1 / 0))
print(1 / 0 == math.huge, -1 / 0 == -math.huge)
print(5 // 0.0, -5 // 0.0, 5 % math.huge)
