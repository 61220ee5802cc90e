-- Metamethods are looked up raw: an __index on the metatable does not help.
local mt = setmetatable({}, {__index = {__add = function() return 'found' end}})
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
print(mt.__add ~= nil)
