-- table.unpack over default and explicit ranges, including empty and negative ones.
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2, 3}, -1, 1))
print(select("#", table.unpack({1, 2, 3}, 3, 2)))
print(select("#", table.unpack({}, 1, 5)))
print(table.unpack({"a", "b"}, 1.0, "2"))
print(table.unpack({1, 2, 3}, math.maxinteger, math.maxinteger))
print(table.unpack({[math.mininteger] = "min"}, math.mininteger, math.mininteger))
local t = {n = 0}
print(select("#", table.unpack(t)))
