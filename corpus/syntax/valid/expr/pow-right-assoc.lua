x = 2 ^ 3 ^ 2
y = a ^ b ^ c ^ d
