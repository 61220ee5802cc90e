-- Field chains rooted at an upvalue name the missing field.
local up = {x = {}}
local function f() return up.x.y.z end
local function g() return up.missing.z end
print(pcall(f))
print(pcall(g))
