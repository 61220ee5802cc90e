-- Calling a field with a non-string key shows '?'.
local t = {}
print(pcall(function() t[1]() end))
print(pcall(function() local k = 'dyn'; t[k]() end))
print(pcall(function() t[true]() end))
