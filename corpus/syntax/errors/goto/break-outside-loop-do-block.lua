do
  x = 1
  break
end
