-- Floats without an integer value in bitwise operations.
print(pcall(function() local x = 1.5; return x | 1 end))
print(pcall(function() return 2^63 | 0 end))
print(pcall(function() local x = 0/0; return x & 1 end))
print(pcall(function() local x = math.huge; return ~x end))
print(pcall(function() local x = 1.5; return 1 << x end))
