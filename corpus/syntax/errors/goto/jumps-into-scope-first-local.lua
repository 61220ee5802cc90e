do
  goto l
  local a, b = 1, 2
  local c
  ::l::
  c = a
end
