-- Clearing fields during next-traversal is allowed.
local t = {}
for i = 1, 10 do t[i] = i; t['s' .. i] = i end
local n = 0
for k in pairs(t) do
  t[k] = nil
  n = n + 1
end
print(n, next(t))
