x = 2 ^ -3
y = 2 ^ - - 3
z = 2 ^ not a
