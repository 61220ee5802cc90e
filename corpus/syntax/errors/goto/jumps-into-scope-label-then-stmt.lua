do
  goto l
  local x
  ::l:: ;
  x = 1
end
