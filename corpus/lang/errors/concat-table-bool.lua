-- Concatenating tables and booleans.
print(pcall(function() local t = {}; return 'a' .. t end))
print(pcall(function() return 'a' .. true end))
print(pcall(function() local b = false; return b .. 'x' end))
print(pcall(function() return 1 .. {} end))
