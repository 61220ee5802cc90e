-- table.insert appends, or shifts elements up from a position between 1 and #t + 1.
local t = {}
table.insert(t, "a")
table.insert(t, 1, "b")
table.insert(t, 3, "c")
table.insert(t, 2, "d")
print(#t, table.concat(t, " "))
table.insert(t, #t + 1, "e")
print(#t, table.concat(t, " "))
local n = {}
for i = 1, 5 do table.insert(n, 1, i) end
print(table.concat(n, ","))
