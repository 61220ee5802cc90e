-- Calling a nil local names the local.
print(pcall(function() local f; f() end))
print(pcall(function() local f = nil; local g = 1; return f(g) end))
print(pcall(function(callback) callback('x') end))
