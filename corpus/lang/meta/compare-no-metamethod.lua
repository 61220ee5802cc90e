-- Comparing tables without metamethods fails.
local a, b = {}, {}
print(pcall(function() return a < b end))
print(pcall(function() return a <= b end))
print(pcall(function() return a > 1 end))
print(pcall(function() return 'x' >= a end))
