local function g(a)
  print(a, ...)
end
