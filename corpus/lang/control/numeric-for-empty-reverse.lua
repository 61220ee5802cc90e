-- Loops that run zero times in both directions.
local n = 0
for i = 10, 1 do n = n + 1 end
for i = 1, 10, -1 do n = n + 1 end
for i = 1.5, 1.4 do n = n + 1 end
for i = math.maxinteger, math.mininteger do n = n + 1 end
print(n)
