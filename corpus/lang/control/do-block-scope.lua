-- do ... end blocks limit local scope and allow shadowing.
local x = 'outer'
do
  local x = 'inner'
  print(x)
  do local x = 'innermost' print(x) end
  print(x)
end
print(x)
local y = 1
local y = y + 1
print(y)
