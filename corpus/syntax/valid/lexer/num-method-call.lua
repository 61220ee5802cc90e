x = (1):type()
y = (0x10).x
