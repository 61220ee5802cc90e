-- In multiple assignment all expressions are evaluated first.
local a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
local t = {}
local i = 1
i, t[i] = 2, 'value'
print(i, t[1], t[2])
local x, y = 1
print(x, y)
local p, q = 1, 2, 3
print(p, q)
