if a do end
