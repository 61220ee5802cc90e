-- A chain of tables that ends in an __index function.
local base = setmetatable({}, {__index = function(_, k) return 'fn:' .. k end})
local mid = setmetatable({m = 'mid'}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.m, top.x, top.y)
