-- Replacing __index of the string metatable changes method lookup.
local mt = getmetatable('')
local old = mt.__index
mt.__index = function(s, k) return function() return 'custom ' .. k end end
print(('abc'):upper())
mt.__index = old
print(('abc'):rep(2))
