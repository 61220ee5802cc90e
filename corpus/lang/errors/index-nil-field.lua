-- Indexing a missing field in a chain names that field.
local t = {a = {}}
print(pcall(function() return t.x.y end))
print(pcall(function() return t.a.b.c end))
print(pcall(function() t.a.b.c = 1 end))
print(pcall(function() local u = {}; u.a.b = 1 end))
