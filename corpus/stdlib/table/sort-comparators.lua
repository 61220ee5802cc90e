-- Comparators: descending order, keys of records, and a callable that errors.
local t = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local people = {{name = "ann", age = 31}, {name = "bob", age = 25}, {name = "cy", age = 40}}
table.sort(people, function(a, b) return a.age < b.age end)
for _, p in ipairs(people) do print(p.name, p.age) end
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("no order") end))
print(pcall(table.sort, {3, 2, 1}, "not a function"))
print(pcall(table.sort, {3, 2, 1}, setmetatable({}, {__call = function() return true end})))
local empty = {}
table.sort(empty, function() error("never called") end)
table.sort({1}, function() error("never called") end)
print("small tables need no comparison")
