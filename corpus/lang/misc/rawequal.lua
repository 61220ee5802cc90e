-- rawequal compares without metamethods.
local mt = {__eq = function() return true end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, rawequal(a, b), rawequal(a, a))
print(rawequal(1, 1.0), rawequal('a', 'a'), rawequal(nil, nil), rawequal(0, false))
print(pcall(rawequal, 1))
