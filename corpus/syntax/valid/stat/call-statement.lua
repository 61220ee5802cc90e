print(1)
f()
