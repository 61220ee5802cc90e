repeat
  if y then goto continue end
  x = 1
  ::continue::
until x
