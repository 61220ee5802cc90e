::top::
local x = 1
if x then goto top end
