-- When both tables have different __eq, the first operand's one wins.
local a = setmetatable({}, {__eq = function() return true end})
local b = setmetatable({}, {__eq = function() return false end})
print(a == b, b == a)
