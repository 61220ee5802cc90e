-- Indexing a nil local names the local.
print(pcall(function() local t; return t.x end))
print(pcall(function() local t; t.x = 1 end))
print(pcall(function(arg) return arg[1] end))
