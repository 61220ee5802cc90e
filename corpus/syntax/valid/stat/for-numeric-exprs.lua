for i = f(), #t + 1, g() * 2 do end
