-- Indexing numbers, booleans and functions.
print(pcall(function() local n = 5; return n.x end))
print(pcall(function() local t = {a = 5}; return t.a.b end))
print(pcall(function() local f = print; return f.x end))
print(pcall(function() local b = false; b.x = 1 end))
print(pcall(function() flag = true; return flag.x end))
