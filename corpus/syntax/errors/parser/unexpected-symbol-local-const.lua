local y <const> = 1
