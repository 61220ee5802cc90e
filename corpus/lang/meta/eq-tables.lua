-- __eq is called for two distinct tables, result converted to boolean.
local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1; return a.id end}
local a = setmetatable({id = 'yes'}, mt)
local b = setmetatable({id = false}, mt)
print(a == b, b == a, a ~= b, b ~= a)
print(calls)
