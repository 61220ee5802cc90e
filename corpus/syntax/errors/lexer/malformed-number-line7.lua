





local n = 12.34.56
