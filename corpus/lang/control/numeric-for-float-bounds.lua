-- Float start or limit with integer steps.
for i = 1.5, 4 do print(i) end
for i = 1, 3.7 do print('int', i) end
for i = 3, 1.5, -1 do print('neg', i) end
for i = -0.5, 0.5 do print(i) end
