-- Calling numbers, strings, booleans and tables.
print(pcall(function() local n = 1; n() end))
print(pcall(function() local s = 'str'; s() end))
print(pcall(function() local b = true; b() end))
print(pcall(function() local t = {}; t() end))
print(pcall(function() return ('x')() end))
print(pcall(function() flag = false; flag() end))
