-- Arithmetic with a non-numeric string blames the string.
print(pcall(function() return 'abc' + {} end))
print(pcall(function() return {} + 'abc' end))
print(pcall(function() return 'abc' + 1 end))
print(pcall(function() local s = 'abc'; return s * 2 end))
print(pcall(function() return 10 / 'x' end))
