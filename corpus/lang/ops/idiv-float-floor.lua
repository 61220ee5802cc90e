-- Float floor division keeps the float subtype.
print(7.0 // 2, -7.0 // 2, 7 // -2.0, -7.5 // -2)
print(math.type(7.0 // 2), math.type(7 // 2.0))
print(0.5 // 0.1, 1e300 // 1e-300, -0.0 // 1)
print(3.5 // 1, -3.5 // 1)
print(1 // 0.0, -1 // 0.0, 0.0 // 0.0 ~= 0.0 // 0.0)
