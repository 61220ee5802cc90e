-- A running coroutine cannot resume itself: resume returns false and "cannot resume
-- non-suspended coroutine", and the coroutine goes on running.
local co
co = coroutine.create(function()
  print("self", coroutine.resume(co))
  print("self via running", coroutine.resume((coroutine.running())))
  print("status", coroutine.status(co))
  coroutine.yield("yielded normally")
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
-- the main thread is not a coroutine that can be resumed
local main = coroutine.running()
print("main", coroutine.resume(main))
print("main status from a coroutine", coroutine.wrap(function() return coroutine.status(main) end)())
local co2 = coroutine.create(function() return coroutine.resume(main) end)
print("main from a coroutine", coroutine.resume(co2))
