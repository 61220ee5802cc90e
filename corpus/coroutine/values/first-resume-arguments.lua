-- The arguments of the first resume become the body's parameters, adjusted like a call:
-- missing ones are nil, extra ones go to '...' or are dropped.
local co = coroutine.create(function(a, b, c) print("params", a, b, c) end)
coroutine.resume(co, 1)
co = coroutine.create(function(a) print("one param", a) end)
coroutine.resume(co, 1, 2, 3)
co = coroutine.create(function(a, ...) print("param and varargs", a, select('#', ...), ...) end)
coroutine.resume(co, "p", "v1", "v2")
co = coroutine.create(function(...) print("no args", select('#', ...)) end)
coroutine.resume(co)
-- later resumes do not change the parameters, only what yield returns
co = coroutine.create(function(x)
  local y = coroutine.yield()
  print("x still", x, "y", y)
end)
coroutine.resume(co, "first")
coroutine.resume(co, "second")
-- the same body can be used for several coroutines with different arguments
local body = function(name, n) for i = 1, n do coroutine.yield(name .. i) end end
local c1, c2 = coroutine.create(body), coroutine.create(body)
print(coroutine.resume(c1, "a", 2), coroutine.resume(c2, "b", 1))
print(coroutine.resume(c1), coroutine.resume(c2))
print(coroutine.resume(c1), coroutine.status(c2))
