-- select with negative indices counts from the end.
print(select(-1, 1, 2, 3))
print(select(-2, 1, 2, 3))
print(select(-3, 1, 2, 3))
print(pcall(select, -4, 1, 2, 3))
print(select(2, select(-2, 'a', 'b', 'c')))
