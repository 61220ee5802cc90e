-- Arithmetic on booleans.
print(pcall(function() local b = true; return b + 1 end))
print(pcall(function() return 1 + false end))
print(pcall(function() local b = true; return -b end))
