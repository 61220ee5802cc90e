-- table.unpack with default and explicit ranges.
local t = {1, 2, 3, 4, 5}
print(table.unpack(t))
print(table.unpack(t, 2))
print(table.unpack(t, 2, 3))
print(table.unpack(t, 4, 8))
print(select('#', table.unpack(t, 3, 2)), select('#', table.unpack({})))
print(table.unpack({1, nil, 3}, 1, 3))
print(table.unpack(t, -1, 1))
