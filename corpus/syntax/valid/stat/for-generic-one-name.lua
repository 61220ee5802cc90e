for line in io.lines() do end
