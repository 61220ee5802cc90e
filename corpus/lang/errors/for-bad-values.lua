-- Numeric for loops need numeric initial value, limit and step.
print(pcall(function() for i = 'a', 2 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, nil do end end))
print(pcall(function() local start; for i = start, 2 do end end))
print(pcall(function() for i = 1, 'x', 1 do end end))
