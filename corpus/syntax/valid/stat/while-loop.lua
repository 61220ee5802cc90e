local x = 10
while x > 0 do x = x - 1 end
