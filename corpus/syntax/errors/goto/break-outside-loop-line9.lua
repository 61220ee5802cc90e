







if a then
  x = 1
else
  break
end
