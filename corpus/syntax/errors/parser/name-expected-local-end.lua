local end
