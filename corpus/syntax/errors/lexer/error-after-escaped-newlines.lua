s = "a\
b\
c\d"
x = = 1
