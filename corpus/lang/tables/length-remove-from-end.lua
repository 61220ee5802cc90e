-- Removing from the end shrinks a sequence.
local t = {}
for i = 1, 100 do t[i] = i end
for _ = 1, 37 do t[#t] = nil end
print(#t, t[#t])
while #t > 0 do t[#t] = nil end
print(#t, next(t))
