goto l
local function g() end
::l::
g()
