-- __newindex only fires for absent keys, including keys set to nil.
local hits = 0
local t = setmetatable({a = 1}, {__newindex = function(tbl, k, v) hits = hits + 1; rawset(tbl, k, v) end})
t.a = 2
t.a = nil
t.a = 3
print(t.a, hits)
