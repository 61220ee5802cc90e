do
  do goto l end
  local z = 1
  ::l::
  print(z)
end
