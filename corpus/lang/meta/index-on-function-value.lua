-- __index that is a non-table, non-function value errors when indexed.
local t = setmetatable({}, {__index = 5})
print(pcall(function() return t.x end))
local u = setmetatable({}, {__index = 'abc'})
print(u.len == string.len, u.x)
