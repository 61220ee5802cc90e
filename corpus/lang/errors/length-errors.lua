-- '#' on values without a length.
print(pcall(function() local n = 5; return #n end))
print(pcall(function() return #nil_global end))
print(pcall(function() local b = true; return #b end))
print(pcall(function() local t = {}; return #t.field end))
