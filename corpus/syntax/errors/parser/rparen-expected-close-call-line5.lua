x = 1



print(a,
  b,
  c
d)
