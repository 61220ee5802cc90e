if a then
elseif b
  c()
end
