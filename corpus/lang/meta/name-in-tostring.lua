-- __name changes the prefix tostring shows for tables (address hidden here).
local t = setmetatable({}, {__name = 'MyType'})
local s = tostring(t)
print(s:sub(1, 8), s:sub(9, 9) == ':')
local u = setmetatable({}, {__name = 42})
print(tostring(u):sub(1, 6))
