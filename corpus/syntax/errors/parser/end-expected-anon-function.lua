f(function()
  return 1
)
