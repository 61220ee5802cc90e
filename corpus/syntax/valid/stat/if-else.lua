if x then y = 1 else y = 2 end
