-- Integer division and modulo by zero.
print(pcall(function() local a, b = 1, 0; return a // b end))
print(pcall(function() local a, b = 1, 0; return a % b end))
print(pcall(function() return math.mininteger // 0 end))
print(1 // 0.0, -1 % 0.0 ~= -1 % 0.0)
print(pcall(function() local z = 0; return 5 // z end))
