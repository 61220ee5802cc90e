x = 1e10
y = 1E+10
z = 1e-10
w = 2E0
