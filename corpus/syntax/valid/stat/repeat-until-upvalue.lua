repeat
  local x = 1
  local g = function() return x end
until x
