-- A loop of __index tables is detected after many steps.
local t1, t2, t3 = {}, {}, {}
setmetatable(t1, {__index = t2})
setmetatable(t2, {__index = t3})
setmetatable(t3, {__index = t1})
print(pcall(function() return t1.x end))
t3.x = 'found'
print(t1.x, t2.x)
