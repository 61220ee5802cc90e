while x x = 1 end
