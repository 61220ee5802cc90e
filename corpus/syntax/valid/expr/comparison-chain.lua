x = a < b < c
y = 1 == 2 == false
z = a ~= b ~= c
