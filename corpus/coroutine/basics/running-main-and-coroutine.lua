-- coroutine.running returns the running thread and a boolean that is true only for the main
-- thread. Threads are compared, never printed.
local main, ismain = coroutine.running()
print(type(main), ismain)
local again = coroutine.running()
print(main == again)
local inside
local co = coroutine.create(function()
  local me, flag = coroutine.running()
  inside = me
  print("in co", type(me), flag, me == main)
  coroutine.yield()
  local me2 = coroutine.running()
  print("same after yield", me2 == me)
end)
coroutine.resume(co)
print(inside == co)
coroutine.resume(co)
-- running inside a wrap'd coroutine is the hidden thread
local w
w = coroutine.wrap(function()
  local t, flag = coroutine.running()
  print("wrap", type(t), flag, t ~= main, coroutine.status(t))
end)
w()
-- nested: the inner coroutine sees itself, not its resumer
local outer = coroutine.create(function()
  local o = coroutine.running()
  local inner = coroutine.create(function()
    local i = coroutine.running()
    print("inner is not outer", i ~= o, select(2, coroutine.running()))
  end)
  coroutine.resume(inner)
  print("outer still itself", coroutine.running() == o)
end)
coroutine.resume(outer)
print(coroutine.running() == main, select(2, coroutine.running()))
