-- A field holding false is present: __index is not consulted.
local t = setmetatable({flag = false}, {__index = function(_, k) return 'from meta:' .. k end})
print(t.flag, t.other)
t.flag = nil
print(t.flag)
