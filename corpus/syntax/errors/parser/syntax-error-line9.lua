local a = 1







a.b
print(a)
