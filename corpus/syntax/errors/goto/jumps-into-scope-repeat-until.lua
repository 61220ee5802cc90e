repeat
  goto l
  local x = 1
  ::l::
until x
