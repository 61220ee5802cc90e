-- table.concat with separators and ranges.
local t = {1, 2, 3, 'a', 'b', 2.5}
print(table.concat(t), table.concat(t, ', '))
print(table.concat(t, '-', 2, 4), table.concat(t, '-', 4, 2) == '')
print(table.concat({}), table.concat({}, 'x'), table.concat({'only'}, 'x'))
print(table.concat(t, '', 6), table.concat(t, '', 1, 1))
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2}, ',', 1, 3))
