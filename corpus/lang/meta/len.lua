-- __len overrides '#' for tables.
local t = setmetatable({1, 2, 3}, {__len = function(self) return 'custom' end})
print(#t, rawlen(t))
local n = setmetatable({}, {__len = function(self, other) return rawequal(self, other) end})
print(#n)
local z = setmetatable({}, {__len = function() return 1, 2, 3 end})
print(#z, select('#', #z))
