-- A coroutine's own Lua stack grows like the main thread's: deep recursion inside a
-- coroutine, a yield from the bottom of it, and a stack overflow that kills only that
-- coroutine.
local function down(n)
  if n == 0 then
    local v = coroutine.yield("at the bottom")
    return v
  end
  return down(n - 1) + 1
end
local co = coroutine.create(down)
print(coroutine.resume(co, 10000))
print(coroutine.status(co))
print(coroutine.resume(co, 5))
local function forever(n) return forever(n + 1) + 1 end
local bad = coroutine.create(function() return forever(1) end)
local ok, msg = coroutine.resume(bad)
print(ok, msg, coroutine.status(bad))
-- the main thread and other coroutines are unaffected
local fresh = coroutine.wrap(down)
print(fresh(200))
print(fresh(1))
