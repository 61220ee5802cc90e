local i = 5
for i = 1, i do local i = i end
