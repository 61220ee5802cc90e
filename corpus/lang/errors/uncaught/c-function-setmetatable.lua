-- An uncaught argument error from setmetatable.
local ok = pcall(setmetatable, 1, {})
print(ok)
setmetatable(1, {})
