-- Multiple assignment evaluates all expressions before assigning.
local t = {1, 2}
t[1], t[2] = t[2], t[1]
print(t[1], t[2])
local i = 1
i, t[i] = i + 1, 'x'
print(i, t[1], t[2])
local a, b, c = (function() return 1, 2, 3 end)()
print(a, b, c)
local d, e = 1
print(d, e)
