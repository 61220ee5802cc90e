do
  local a
  do goto l end
  ::l::
  a = 1
end
