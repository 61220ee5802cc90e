-- table.remove from the end, the front and the middle, and its edge positions.
local t = {10, 20, 30, 40, 50}
print(table.remove(t), #t)
print(table.remove(t, 1), #t, table.concat(t, ","))
print(table.remove(t, 2), #t, table.concat(t, ","))
print(table.remove(t, #t + 1), #t)
local e = {}
print(table.remove(e), table.remove(e, 0), table.remove(e, 1), #e)
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
print(pcall(table.remove, {1, 2, 3}, 5))
print(pcall(table.remove, {1, 2, 3}, -1))
print(pcall(table.remove, {}, 2))
