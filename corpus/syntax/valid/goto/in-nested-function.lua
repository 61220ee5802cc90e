::l::
local function f()
  goto l
  ::l::
end
goto l
