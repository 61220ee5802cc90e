-- Generic for variables are fresh in each iteration.
local fs = {}
for i, v in ipairs({'a', 'b', 'c'}) do fs[i] = function() return i .. v end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
for k in pairs({x = 1}) do gs[1] = function() return k end end
print(gs[1]())
