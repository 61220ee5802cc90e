-- __eq is not called for identical tables, rawequal, or mixed types.
local calls = 0
local mt = {__eq = function() calls = calls + 1; return true end}
local a = setmetatable({}, mt)
print(a == a, rawequal(a, setmetatable({}, mt)), a == 1, 1 == a, a == 'x', a == nil)
print(calls)
print(a == setmetatable({}, mt), calls)
print(a == {}, calls)
