do
  ::top::
  local x = 1
  local f = function() return x end
  if f() then goto top end
end
