-- The result of __lt/__le is converted to a boolean.
local mt = {__lt = function() return 'yes' end, __le = function() return nil end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a < b, a > b, a <= b, a >= b)
print(not (a < b), (a < b) == true)
