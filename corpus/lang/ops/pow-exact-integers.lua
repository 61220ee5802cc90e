-- Powers with integral results are exact floats while they fit 53 bits.
print(2 ^ 10, 2 ^ 52, 2 ^ 53, 3 ^ 20, 3 ^ 33, 3 ^ 34)
print(10 ^ 2, 10 ^ -2, 0.5 ^ 2, (-2) ^ 3, (-2) ^ 0.5 ~= (-2) ^ 0.5)
print(math.type(2 ^ 10), 2 ^ 10 == 1024, 2 ^ 63 == math.maxinteger + 1.0)
print(1 ^ math.huge, math.huge ^ 0, 2 ^ math.huge, 2 ^ -math.huge)
