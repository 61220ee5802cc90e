-- pairs returns exactly three values from __pairs.
local t = setmetatable({}, {__pairs = function(self) return 1, 2, 3, 4 end})
print(pairs(t))
local u = setmetatable({}, {__pairs = function() end})
print(pairs(u))
