for i = 1, 2 do do break end end
