-- Argument errors name the function as it was called.
local m = math
print(pcall(function() return m.floor({}) end))
print(pcall(function() return math.sqrt() end))
local sqrt = math.sqrt
print(pcall(function() return sqrt("x") end))
local obj = {f = math.abs}
print(pcall(function() return obj.f(nil) end))
print(pcall(function() return obj:f() end))
