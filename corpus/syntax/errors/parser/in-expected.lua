for a, b x do end
