-- When the first operand is numeric the second one is blamed.
print(pcall(function() local a, b = 1, nil; return a + b end))
print(pcall(function() local a, b = nil, 1; return a + b end))
print(pcall(function() local a, b = '5', {}; return a - b end))
print(pcall(function() local a, b = {}, '5'; return a - b end))
