-- Mixed constructors: positional items count independently of named ones.
local t = {1, x = 'x', 2, y = 'y', 3, [10] = 10, 4}
print(#t, t[1], t[2], t[3], t[4], t.x, t.y, t[10])
local u = {[1] = 'explicit', 'positional'}
print(u[1])
local w = {'positional', [1] = 'explicit'}
print(w[1])
