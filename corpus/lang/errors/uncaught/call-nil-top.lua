-- Calling an undefined global at the top level.
local x = 1
print(x)
not_defined(x)
