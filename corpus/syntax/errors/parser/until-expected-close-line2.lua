x = 1
repeat
  x = x + 1
