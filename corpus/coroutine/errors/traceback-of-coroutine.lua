-- debug.traceback with a thread argument walks that coroutine's stack: a suspended one shows
-- the yield and its Lua callers, a dead-by-error one the frames it died in, a finished one
-- nothing.
local function leaf() coroutine.yield("paused") end
local function middle() leaf() end
local co = coroutine.create(function() middle() end)
print(debug.traceback(co))
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "with message"))
print(debug.traceback(co, "level 1", 1))
coroutine.resume(co)
print(debug.traceback(co))
local function bad(t) return t.missing.field end
local co2 = coroutine.create(function(t) local r = bad(t) return r end)
print(coroutine.resume(co2, {}))
print(debug.traceback(co2))
print(debug.traceback(co2, "dead"))
