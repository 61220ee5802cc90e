-- __eq is taken from the first operand, then the second.
local log = {}
local a = setmetatable({}, {__eq = function() log[#log + 1] = 'a'; return true end})
local b = setmetatable({}, {__eq = function() log[#log + 1] = 'b'; return false end})
local plain = {}
print(a == b, b == a, plain == a, a == plain, plain == {})
print(table.concat(log, ' '))
