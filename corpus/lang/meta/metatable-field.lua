-- __metatable hides the metatable and protects it.
local t = setmetatable({}, {__metatable = 'locked'})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
local u = setmetatable({}, {__metatable = false})
print(getmetatable(u), pcall(setmetatable, u, {}))
