x = a . b . c
y = a : b ( )
z = a [ 1 ]
