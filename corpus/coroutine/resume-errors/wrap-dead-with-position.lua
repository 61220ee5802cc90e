-- Calling a wrap'd generator after it finished raises "cannot resume dead coroutine" with the
-- position of the call when the caller is a Lua function.
local gen = coroutine.wrap(function() coroutine.yield(1) coroutine.yield(2) end)
print(gen(), gen(), gen())
print(pcall(function() return gen() end))
print(pcall(function()
  local x = gen()
  return x
end))
-- called directly by pcall there is no Lua caller, so no position
print(pcall(gen))
-- a for-in loop ends at the generator's last nil-less return and never calls it again
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local it = range(2)
for i in it do print("i", i) end
print(pcall(function() return it() end))
