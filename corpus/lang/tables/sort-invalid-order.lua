-- A comparator that always returns true is detected on a large enough array.
local t = {}
for i = 1, 20 do t[i] = i end
print(pcall(table.sort, t, function(a, b) return true end))
local small = {3, 2, 1}
print(pcall(table.sort, small, function() return true end))
