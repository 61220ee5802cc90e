-- An uncaught comparison error inside table.sort's comparator.
local items = {{n = 3}, {n = 1}, {n = 2}}
table.sort(items, function(a, b) return a.n < b.n end)
print(items[1].n, items[2].n, items[3].n)
table.sort(items, function(a, b) return a < b end)
