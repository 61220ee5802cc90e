-- __name is used for the type in some error messages.
local t = setmetatable({}, {__name = 'MyType'})
print(pcall(function() return t + 1 end))
print(pcall(function() return t < 1 end))
print(pcall(function() return t < t end))
print(pcall(function() return t .. 'x' end))
print(pcall(string.sub, t))
print(pcall(setmetatable, t, 1))
print(pcall(string.rep, t))
