-- coroutine.status through a whole life: suspended before the first resume, running while
-- it runs (seen from inside), suspended after a yield, dead after returning.
local co
co = coroutine.create(function()
  print("inside", coroutine.status(co))
  coroutine.yield()
  print("inside again", coroutine.status(co))
  coroutine.yield()
end)
print("created", coroutine.status(co))
coroutine.resume(co)
print("after yield", coroutine.status(co))
coroutine.resume(co)
print("after second yield", coroutine.status(co))
coroutine.resume(co)
print("after return", coroutine.status(co))
coroutine.resume(co)
print("after failed resume", coroutine.status(co))
-- status of the running thread seen through coroutine.running
local w = coroutine.wrap(function() return coroutine.status((coroutine.running())) end)
print("wrap self", w())
print("main self", coroutine.status((coroutine.running())))
