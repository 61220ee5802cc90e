-- A coroutine that raised an error is dead, whether it had yielded before or not, and a
-- coroutine in which an error was caught by pcall is not.
local co = coroutine.create(function() coroutine.yield(1) error("late", 0) end)
print(coroutine.resume(co), coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.status(co))
local co2 = coroutine.create(function() local x = nil; return x.y end)
print(coroutine.resume(co2))
print(coroutine.status(co2))
local co3 = coroutine.create(function()
  print(pcall(error, "caught", 0))
  coroutine.yield("still alive")
  return "finished"
end)
print(coroutine.resume(co3))
print(coroutine.status(co3))
print(coroutine.resume(co3))
print(coroutine.status(co3))
-- an error in a nested coroutine does not kill its resumer
local outer = coroutine.create(function()
  local inner = coroutine.create(function() error("inner failed", 0) end)
  print("nested", coroutine.resume(inner))
  print("nested status", coroutine.status(inner), coroutine.status((coroutine.running())))
  return "outer ok"
end)
print(coroutine.resume(outer))
