-- '...' in the middle of a list gives one value; at the end, all.
local function f(...) return ..., 'end' end
print(f(1, 2, 3))
print(f())
local function g(...) return 'start', ... end
print(g(1, 2, 3))
local function h(...) local a, b, c = ..., 'x' return a, b, c end
print(h(1, 2, 3))
