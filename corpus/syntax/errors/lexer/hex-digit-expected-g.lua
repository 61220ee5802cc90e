x = "\xg0"
