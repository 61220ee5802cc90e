-- __lt and __le define ordering for tables.
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function V(v) return setmetatable({v = v}, mt) end
local x, y = V(1), V(2)
print(x < y, x > y, x <= y, x >= y, x <= V(1), x < V(1))
