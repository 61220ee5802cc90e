while x do
  if y then goto continue end
  local z = 1
  ::continue::
end
