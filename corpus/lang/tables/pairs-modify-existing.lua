-- Assigning to existing fields during traversal is allowed.
local t = {a = 1, b = 2, c = 3, d = 4}
for k, v in pairs(t) do t[k] = v * 10 end
print(t.a, t.b, t.c, t.d)
for k in pairs(t) do t[k] = nil end
print(next(t))
