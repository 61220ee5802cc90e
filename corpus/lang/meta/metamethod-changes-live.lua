-- Changing the metatable after setmetatable takes effect immediately.
local mt = {}
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
mt.__add = function() return 'now works' end
print(t + 1)
mt.__add = nil
print(pcall(function() return t + 1 end))
