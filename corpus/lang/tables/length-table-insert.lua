-- '#' after table.insert at the end and in the middle.
local t = {}
for i = 1, 10 do table.insert(t, i) end
print(#t, table.concat(t, ' '))
table.insert(t, 1, 0)
table.insert(t, 6, 'mid')
print(#t, table.concat(t, ' '))
