do
  goto l
  local x = 1
  ::l::
end
