-- In a chain, the offending value in the middle is named.
local a, c = 'a', 'c'
print(pcall(function() local b; return a .. b .. c end))
print(pcall(function() local b = {}; return a .. b .. c end))
print(pcall(function() local b; return a .. 'x' .. b end))
