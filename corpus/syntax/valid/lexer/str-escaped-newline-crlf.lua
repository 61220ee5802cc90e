s = "line1\
line2"
x = 1
