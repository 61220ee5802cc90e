-- setmetatable with bad arguments from Lua code.
print(pcall(function() setmetatable({}, 5) end))
print(pcall(function() setmetatable(5, {}) end))
print(pcall(function() setmetatable({}) end))
