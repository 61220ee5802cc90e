-- __tostring is used by tostring and print.
local t = setmetatable({}, {__tostring = function(self) return 'MyObject' end})
print(t, tostring(t))
print(tostring(t) .. '!')
local p = setmetatable({x = 1, y = 2}, {__tostring = function(s) return '(' .. s.x .. ', ' .. s.y .. ')' end})
print(p)
