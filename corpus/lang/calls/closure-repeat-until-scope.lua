-- A repeat body local captured by a closure is closed each iteration.
local fs = {}
local n = 0
repeat
  n = n + 1
  local captured = n
  fs[n] = function() return captured end
until captured >= 3
print(fs[1](), fs[2](), fs[3]())
