-- Concatenating nil names the variable.
print(pcall(function() local x; return 'a' .. x end))
print(pcall(function() local x; return x .. 'a' end))
print(pcall(function() return 'a' .. undefined_global end))
local t = {}
print(pcall(function() return 'a' .. t.field .. 'b' end))
