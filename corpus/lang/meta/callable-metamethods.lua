-- Metamethods may be callable tables instead of functions.
local callable = setmetatable({}, {__call = function(self, a, b) return 'called' end})
local t = setmetatable({}, {__add = callable, __index = callable, __len = callable})
print(t + 1, #t)
print(pcall(function() return t.x end))
