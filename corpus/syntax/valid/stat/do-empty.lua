do end
