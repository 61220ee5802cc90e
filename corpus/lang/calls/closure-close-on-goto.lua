-- Upvalues are closed when goto jumps backwards out of their scope.
local fs = {}
local i = 1
::top::
do
  local v = i
  fs[i] = function() v = v + 100; return v end
  i = i + 1
  if i <= 3 then goto top end
end
print(fs[1](), fs[2](), fs[3](), fs[1]())
