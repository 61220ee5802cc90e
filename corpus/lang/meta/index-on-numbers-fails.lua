-- Numbers and booleans have no metatable; indexing them fails.
print(pcall(function() local n = 5; return n.x end))
print(pcall(function() local b = true; return b.x end))
print(pcall(function() return (5).x end))
