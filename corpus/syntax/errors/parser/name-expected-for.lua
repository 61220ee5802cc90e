for 1, 2 do end
