-- An uncaught error whose value is a number.
local function f() error(42) end
f()
