-- An error in a table.sort comparator propagates.
print(pcall(table.sort, {3, 1, 2}, function(a, b) error('cmp failed') end))
print(pcall(function() table.sort({3, 1, 2}, function(a, b) return a.x < b end) end))
