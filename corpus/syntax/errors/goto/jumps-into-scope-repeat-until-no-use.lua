repeat
  if a then goto continue end
  local y = 1
  ::continue::
until true
