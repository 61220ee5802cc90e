-- A full collection run from inside a coroutine keeps the coroutine's own stack, the stack of
-- the thread that resumed it, and finalizes what is garbage, as from the main thread.
collectgarbage("stop")
local weak = setmetatable({}, {__mode = "v"})
local log = {}
local outer = {name = "outer"}
weak.outer = outer
local function make_garbage()
  setmetatable({}, {__gc = function() log[#log + 1] = "finalized" end})
end
local co = coroutine.create(function()
  local inner = {name = "inner"}
  weak.inner = inner
  weak.temp = {}
  make_garbage()
  collectgarbage()
  coroutine.yield(weak.inner ~= nil, weak.outer ~= nil, weak.temp, #log)
  collectgarbage()
  return inner.name
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(table.concat(log, " "))
