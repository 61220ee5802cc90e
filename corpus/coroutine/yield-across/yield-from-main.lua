-- The main thread is not a coroutine: a yield there fails with "attempt to yield from
-- outside a coroutine", also under pcall, inside metamethods and from a C function.
print(pcall(coroutine.yield))
print(pcall(coroutine.yield, 1, 2))
print(pcall(function() coroutine.yield() end))
print(pcall(function() local x = coroutine.yield("v") return x end))
local obj = setmetatable({}, {__index = function() return coroutine.yield() end})
print(pcall(function() return obj.x end))
print(select('#', pcall(coroutine.yield)))
print(coroutine.isyieldable())
-- inside a coroutine, a function defined in main yields that coroutine
local function yielder(v) return coroutine.yield(v) end
print(pcall(yielder, "main"))
local co = coroutine.create(yielder)
print(coroutine.resume(co, "co"))
-- after a coroutine finished, main is still not yieldable
print(coroutine.resume(co, "done"))
print(pcall(yielder, "main again"))
