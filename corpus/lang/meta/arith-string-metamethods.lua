-- The string metatable has no arithmetic metamethods in 5.3.
local mt = getmetatable('')
print(mt.__add, mt.__index == string, mt.__unm)
print(pcall(function() return 'a' + 1 end))
