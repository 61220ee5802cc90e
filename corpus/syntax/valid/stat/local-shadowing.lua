local x = 1
local x = x + 1
do local x = x * 2 end
