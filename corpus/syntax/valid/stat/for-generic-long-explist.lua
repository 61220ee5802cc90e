for k in f, s, c, d, e do end
