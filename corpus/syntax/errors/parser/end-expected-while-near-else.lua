while x do
  y()
else
  z()
end
