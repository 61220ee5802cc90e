-- Sequences keep their length across growth of the array and hash parts.
local t = {}
for i = 1, 1000 do t[i] = true end
print(#t)
local h = {x = 1, y = 2}
for i = 1, 300 do h[i] = i end
print(#h, h.x, h[300])
local r = {}
for i = 64, 1, -1 do r[i] = i end
print(#r)
