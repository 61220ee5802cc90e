-- PUC 5.3.6 quirk: auxresume reports "cannot resume dead coroutine" for any thread whose
-- status is LUA_OK and whose current frame holds no values, before lua_resume can say
-- "non-suspended". A thread that is running or normal is in that case when its current C
-- frame is a wrap'd call (whose arguments were moved to the other coroutine) or a
-- self-call through its own wrap'd function with no arguments. Through coroutine.resume the
-- frame still holds the thread argument, so the message is "non-suspended".
local main = coroutine.running()
print("main via resume", coroutine.resume(coroutine.create(function() return coroutine.resume(main) end)))
print("main via wrap()", coroutine.wrap(function() return coroutine.resume(main) end)())
print("main via wrap(1, 2)", coroutine.wrap(function() return coroutine.resume(main) end)(1, 2))
local g
g = coroutine.wrap(function()
  print("self via wrap()", pcall(g))
  print("self via wrap(1)", pcall(g, 1))
  print("self via resume", coroutine.resume((coroutine.running())))
end)
g()
local outer_w, outer_t
outer_w = coroutine.wrap(function()
  outer_t = coroutine.running()
  local inner = coroutine.wrap(function()
    print("normal via resume", coroutine.resume(outer_t))
    print("normal via wrap()", pcall(outer_w))
    print("normal via wrap(1)", pcall(outer_w, 1))
    print("normal status", coroutine.status(outer_t))
  end)
  inner()
end)
outer_w()
