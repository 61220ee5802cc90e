-- An uncaught runtime error inside __add.
local mt = {__add = function(a, b) return a.v + b.v end}
local x = setmetatable({v = 1}, mt)
local y = setmetatable({v = 2}, mt)
print((x + y))
local z = x + setmetatable({}, mt)
