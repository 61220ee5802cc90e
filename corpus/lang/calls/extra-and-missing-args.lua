-- Missing parameters are nil; extra arguments are dropped.
local function f(a, b, c) return a, b, c end
print(f(1))
print(f(1, 2, 3, 4, 5))
print(f())
local function g(a, ...) return a, select('#', ...) end
print(g(), g(1), g(1, 2, 3))
