for x = 0.5, 2.5, 0.25 do end
