for a, b, c, d, e in f, s, c do end
