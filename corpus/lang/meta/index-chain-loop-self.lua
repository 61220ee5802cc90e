-- A table whose __index is itself loops forever.
local t = {}
t.__index = t
setmetatable(t, t)
print(pcall(function() return t.missing end))
print(t.__index == t)
