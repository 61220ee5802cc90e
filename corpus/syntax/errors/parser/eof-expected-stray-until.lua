x = 1

until x
