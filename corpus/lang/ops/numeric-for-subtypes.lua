-- The loop variable has the subtype of the start/step values.
for i = 1, 2 do print(i, math.type(i)) end
for i = 1.0, 2 do print(i, math.type(i)) end
for i = 1, 2.5 do print(i, math.type(i)) end
for i = 1, 2, 1.0 do print(i, math.type(i)) end
for i = 3, 1, -1 do print(i, math.type(i)) end
