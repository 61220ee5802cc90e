-- table.move copies a range within a table or into another one, overlapping or not.
local function show(t, n) local s = {} for i = 1, n do s[i] = tostring(t[i]) end return table.concat(s, " ") end
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 3)
print(show(t, 6))
t = {1, 2, 3, 4, 5}
table.move(t, 3, 5, 1)
print(show(t, 6))
t = {1, 2, 3}
local u = table.move(t, 1, 3, 2, {})
print(show(u, 4), u == t)
print(table.move({1, 2}, 1, 0, 5) [5])
local same = {}
print(table.move({1}, 1, 1, 1, same) == same, same[1])
