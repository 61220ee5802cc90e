do
  goto l
  ::l::
  local x = 1
end
