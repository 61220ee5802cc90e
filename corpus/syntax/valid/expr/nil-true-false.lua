x, y, z = nil, true, false
