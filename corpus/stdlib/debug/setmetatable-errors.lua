-- debug.setmetatable's second argument must be nil or a table ("nil or table expected", no type named); a missing one is refused too.
print(pcall(debug.setmetatable, {}, 1))
print(pcall(debug.setmetatable, 1, "mt"))
print(pcall(function() return debug.setmetatable(1, true) end))
print(pcall(debug.setmetatable, {}))
print(pcall(debug.setmetatable))
print(pcall(function() return debug.setmetatable(nil) end))
print(debug.setmetatable({}, nil) ~= nil)
