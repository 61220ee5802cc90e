-- A local _ENV changes where global names are resolved.
local print = print
do
  local _ENV = {x = 'from custom env'}
  print(x, y)
  y = 'assigned'
  print(y)
end
print(x, y)
