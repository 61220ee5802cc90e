local x = 1
if x then
  x = 2
end
