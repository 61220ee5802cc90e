x = a and b or c
y = not a
