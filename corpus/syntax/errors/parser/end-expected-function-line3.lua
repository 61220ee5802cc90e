x = 1
y = 2
function f()
  return 1
