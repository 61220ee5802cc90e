local t, i = {}, 1
i, t[i] = i + 1, 20
local a = {}
a, a.x = {}, 1
