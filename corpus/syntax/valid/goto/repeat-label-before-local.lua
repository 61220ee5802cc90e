repeat
  goto l
  ::l::
  local x = 1
until x
