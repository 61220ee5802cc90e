for k, v in pairs(t)
  print(k)
end
