-- select with bad indices.
print(pcall(function() return select(0, 'a') end))
print(pcall(function() return select(-2, 'a') end))
print(pcall(function() return select('x', 'a') end))
print(pcall(function() return select(1.5, 'a') end))
print(select(2.0, 'a', 'b'))
