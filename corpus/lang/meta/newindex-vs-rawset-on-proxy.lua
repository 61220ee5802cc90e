-- rawset on a proxy stores locally and stops __newindex for that key.
local log = {}
local p = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k end})
p.a = 1
rawset(p, 'b', 2)
p.b = 3
p.c = 4
print(rawget(p, 'a'), p.b, rawget(p, 'c'), table.concat(log, ','))
