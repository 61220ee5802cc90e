for i = 1, 10 do x = i end
