-- Arithmetic on tables without metamethods.
print(pcall(function() local t = {}; return t + 1 end))
print(pcall(function() return {} * 2 end))
print(pcall(function() local t = {}; return 2 ^ t end))
print(pcall(function() local t = {}; return -t end))
