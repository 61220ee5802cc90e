-- Calling a missing method names the method.
local obj = {}
print(pcall(function() obj:missing() end))
print(pcall(function() obj:missing(1, 2, 3) end))
print(pcall(function() local s = 'str'; s:nomethod() end))
