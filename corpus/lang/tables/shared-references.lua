-- Tables are references: aliases see the same contents.
local a = {1, 2}
local b = a
b[3] = 3
print(#a, a[3], a == b)
local function mutate(t) t.x = 'changed' end
mutate(a)
print(b.x)
local c = {table.unpack(a)}
c[1] = 'copy'
print(a[1], c[1], a == c)
