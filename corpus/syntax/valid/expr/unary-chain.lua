x = - - - a
y = not not not a
z = ~ ~ ~ a
w = ##t
v = -~-~a
