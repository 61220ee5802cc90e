-- coroutine.create returns a thread; the first resume starts the body, and when the body
-- returns, resume returns true followed by every value it returned.
local co = coroutine.create(function(a, b) return a + b, a * b, "end" end)
print(type(co), math.type(co), select('#', coroutine.resume(co, 3, 4)))
print(coroutine.status(co))
local co2 = coroutine.create(function() return end)
print(select('#', coroutine.resume(co2)), coroutine.resume(coroutine.create(function() end)))
local co3 = coroutine.create(function(...) return select('#', ...), ... end)
print(coroutine.resume(co3, 1, nil, 3, nil))
-- a body that ends with a tail call returns that call's results
local function tail(x) return x, x + 1 end
local co4 = coroutine.create(function(x) return tail(x * 10) end)
print(coroutine.resume(co4, 5))
-- the body is not run by create
local ran = false
local co5 = coroutine.create(function() ran = true end)
print(ran, coroutine.status(co5))
coroutine.resume(co5)
print(ran, coroutine.status(co5))
