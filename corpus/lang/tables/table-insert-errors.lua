-- table.insert argument checking.
local t = {1, 2, 3}
print(pcall(table.insert, t, 5, 'x'))
print(pcall(table.insert, t, 0, 'x'))
print(pcall(table.insert, t, 1, 2, 3))
print(pcall(table.insert, nil, 1))
table.insert(t, 4, 'end')
print(table.concat(t, ' '))
