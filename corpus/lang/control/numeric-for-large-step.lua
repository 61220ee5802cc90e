-- Steps larger than the range run once.
for i = 1, 10, 100 do print(i) end
for i = 10, 1, -100 do print(i) end
for i = 0, 0, math.maxinteger do print(i) end
for i = 0, 0, math.mininteger do print(i) end
