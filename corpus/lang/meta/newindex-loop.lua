-- A loop of __newindex tables is detected too.
local a, b = {}, {}
setmetatable(a, {__newindex = b})
setmetatable(b, {__newindex = a})
print(pcall(function() a.x = 1 end))
print(rawget(a, 'x'), rawget(b, 'x'))
