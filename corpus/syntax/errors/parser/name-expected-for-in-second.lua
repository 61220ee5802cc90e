for k, in pairs(t) do end
