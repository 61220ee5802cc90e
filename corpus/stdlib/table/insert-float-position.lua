-- Positions given as floats with integral values, or as numeric strings, are accepted.
local t = {"a", "b", "c"}
table.insert(t, 2.0, "x")
table.insert(t, "1", "y")
print(table.concat(t, " "))
print(table.remove(t, 3.0), table.remove(t, "1"))
print(table.concat(t, " "))
