-- The environment of a loaded chunk is reachable only through the chunk's _ENV upvalue, and
-- stays alive as long as the chunk does; a global table replaced by _ENV in a function too.
local weak = setmetatable({}, {__mode = "v"})
local function load_with_env()
  local env = {x = 0}
  weak.env = env
  return load("x = x + 1 return x", "=chunk", "t", env)
end
local chunk = load_with_env()
collectgarbage()
print(chunk(), chunk(), weak.env ~= nil)
chunk = nil
collectgarbage()
print(weak.env)
local function with_own_env()
  local _ENV = {y = "own env"}
  weak.own = _ENV
  return function() return y end
end
local reader = with_own_env()
collectgarbage()
print(reader(), weak.own ~= nil)
reader = nil
collectgarbage()
print(weak.own)
