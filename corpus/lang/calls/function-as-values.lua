-- Functions are first-class values.
local function apply(f, ...) return f(...) end
local function compose(f, g) return function(...) return f(g(...)) end end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(apply(inc, 1), apply(math.floor, 2.5), compose(inc, dbl)(5), compose(dbl, inc)(5))
local ops = {inc, dbl, inc}
local v = 1
for _, f in ipairs(ops) do v = f(v) end
print(v, type(inc), inc == inc, inc == dbl)
