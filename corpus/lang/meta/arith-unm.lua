-- __unm receives the operand twice (as both arguments).
local t = setmetatable({v = 5}, {__unm = function(a, b)
  return -a.v, rawequal(a, b)
end})
print(-t)
local r = -t
print(r)
print(- -setmetatable({}, {__unm = function() return 7 end}))
