-- '>' and '>=' swap operands, so messages name types in swapped order.
print(pcall(function() return 1 > 'x' end))
print(pcall(function() return 1 >= 'x' end))
print(pcall(function() return nil > 1 end))
print(pcall(function() return {} >= 2 end))
