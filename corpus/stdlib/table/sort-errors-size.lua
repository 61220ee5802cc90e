-- table.sort rejects lengths that do not fit PUC's int indices.
local huge = setmetatable({}, {__len = function() return math.maxinteger end, __index = function() end, __newindex = function() end})
print(pcall(table.sort, huge))
local two = setmetatable({}, {__len = function() return 2^31 end, __index = function() return 1 end, __newindex = function() end})
print(pcall(table.sort, two))
local neg = setmetatable({}, {__len = function() return -5 end, __index = function() end, __newindex = function() end})
print(pcall(table.sort, neg))
