local a
local b
local c
local t = {a = 1,
  b = 2
  c = 3}
