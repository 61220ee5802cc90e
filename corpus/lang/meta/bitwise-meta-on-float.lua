-- A bitwise metamethod is consulted when a float operand has no integer value.
local t = setmetatable({}, {__bor = function(a, b) return 'bor' end})
print(t | 1.5, 1.5 | t)
print(pcall(function() return 1.5 | 1 end))
print(pcall(function() return {} | 1 end))
