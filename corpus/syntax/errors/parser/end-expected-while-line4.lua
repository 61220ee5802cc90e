local x = 1


while x do
  x = nil
