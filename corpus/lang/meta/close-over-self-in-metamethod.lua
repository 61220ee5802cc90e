-- Metamethods that capture upvalues and count calls.
local n = 0
local mt = {__index = function(t, k) n = n + 1; return k .. n end}
local t = setmetatable({}, mt)
print(t.a, t.b, t.a)
print(n)
