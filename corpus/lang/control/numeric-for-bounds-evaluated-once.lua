-- The bounds and step are evaluated once, before the loop.
local calls = 0
local function bound(v) calls = calls + 1; return v end
for i = bound(1), bound(3), bound(1) do end
print(calls)
