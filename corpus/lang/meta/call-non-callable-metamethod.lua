-- A __call that is not callable gives a call error.
local t = setmetatable({}, {__call = 42})
print(pcall(function() return t() end))
local u = setmetatable({}, {__call = {}})
print(pcall(function() return u() end))
