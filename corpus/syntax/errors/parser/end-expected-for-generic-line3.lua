local t = {}
local n = 0
for k, v in pairs(t) do
  n = n + 1
