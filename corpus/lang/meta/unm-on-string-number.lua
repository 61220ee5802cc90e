-- Unary minus and bnot on strings convert without metamethods.
print(-'5', -'0x10', ~'5')
print(pcall(function() return -'abc' end))
print(pcall(function() return ~'abc' end))
print(pcall(function() return ~'1.5' end))
