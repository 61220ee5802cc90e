x = 08e
