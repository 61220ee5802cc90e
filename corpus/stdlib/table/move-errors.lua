-- table.move checks its integer arguments and the ranges' limits.
print(pcall(table.move, {}, 1, 2))
print(pcall(table.move, {}, "a", 2, 3))
print(pcall(table.move, {}, 1, 2, 3, 4))
print(pcall(table.move, 1, 1, 2, 3))
print(pcall(table.move, {}, -1, math.maxinteger, 1))
print(pcall(table.move, {}, 1, 3, math.maxinteger))
print((pcall(table.move, {}, 1, 1, math.maxinteger)))
print(pcall(table.move, {}, math.mininteger, -1, 1))
