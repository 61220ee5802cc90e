-- Calling a missing field names the field.
local t = {}
print(pcall(function() t.missing() end))
print(pcall(function() t.a = {}; t.a.b() end))
print(pcall(function() return string.nothing('x') end))
