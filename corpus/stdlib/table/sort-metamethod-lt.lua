-- Without a comparator, table.sort compares with __lt, as the < operator does.
local mt = {__lt = function(a, b) return a.key < b.key end}
local items = {}
for i, k in ipairs({7, 3, 9, 1, 5}) do items[i] = setmetatable({key = k, n = i}, mt) end
table.sort(items)
local keys = {}
for i, item in ipairs(items) do keys[i] = item.key .. "#" .. item.n end
print(table.concat(keys, " "))
local mixed = {setmetatable({key = 1}, mt), 2}
print(pcall(table.sort, mixed))
