_ = 1
_x1 = 2
x_y_z = 3
A1b2 = 4
__index = 5
_9 = 6
