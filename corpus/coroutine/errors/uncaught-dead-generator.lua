-- Calling a finished wrap'd generator at the top level is an uncaught error whose message
-- has the caller's position.
local gen = coroutine.wrap(function() coroutine.yield("only") end)
print(gen())
print(select('#', gen()))
local function next_value()
  local v = gen()
  return v
end
next_value()
