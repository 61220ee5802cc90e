-- Loaded chunks are vararg functions and return values.
local f = load('return ...')
print(f(1, 2, 3))
print(select('#', f()))
local g = load('local n = select("#", ...) return n, ...')
print(g(nil, nil))
print(load('return')())
