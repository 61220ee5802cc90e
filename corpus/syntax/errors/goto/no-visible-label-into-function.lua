goto l
local function f()
  ::l::
end
