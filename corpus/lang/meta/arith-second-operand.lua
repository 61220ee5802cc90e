-- The metamethod of the second operand is used when the first has none.
local mt1 = {__add = function() return 'first' end}
local mt2 = {__add = function() return 'second' end}
local a, b = setmetatable({}, mt1), setmetatable({}, mt2)
print(a + b, b + a, 1 + b, b + 1, a + 1)
local plain = {}
print(plain + a, a + plain)
