local a, b, c = 1, 2
local d, e = f()
