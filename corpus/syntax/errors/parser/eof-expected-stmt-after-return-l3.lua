x = 1
return x
print(x)
