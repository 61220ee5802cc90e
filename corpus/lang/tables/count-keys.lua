-- Counting keys with pairs is order independent.
local t = {}
for i = 1, 50 do t['k' .. i] = i end
for i = 1, 30 do t[i] = i end
local n, sum = 0, 0
for k, v in pairs(t) do n = n + 1; sum = sum + v end
print(n, sum)
for i = 1, 50, 2 do t['k' .. i] = nil end
n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
