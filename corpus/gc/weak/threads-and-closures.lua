-- Closures and coroutines are objects: a weak table drops them when they are unreachable, and
-- keeps them while a local or an upvalue refers to them.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak = setmetatable({}, {__mode = "v"})
local function make_counter()
  local n = 0
  return function() n = n + 1 return n end
end
local live_counter = make_counter()
local live_co = coroutine.create(function() coroutine.yield(1) end)
local function fill()
  weak.counter = make_counter()
  weak.live_counter = live_counter
  weak.co = coroutine.create(function() end)
  local suspended = coroutine.wrap(function() coroutine.yield(1) end)
  suspended()
  weak.suspended = suspended
  weak.live_co = live_co
end
fill()
collectgarbage()
print(count(weak), weak.counter, weak.co, weak.suspended)
print(weak.live_counter(), weak.live_counter(), coroutine.status(weak.live_co))
live_counter, live_co = nil, nil
collectgarbage()
print(count(weak))
