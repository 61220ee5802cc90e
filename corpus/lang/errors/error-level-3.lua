-- Higher levels walk further up the call stack.
local function a() error('from a at level 3', 3) end
local function b() a() end
local function c()
  b()
end
print(pcall(c))
local function deep() error('too far', 50) end
print(pcall(deep))
