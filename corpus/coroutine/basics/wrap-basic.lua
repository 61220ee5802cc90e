-- coroutine.wrap returns a function that resumes the coroutine: it returns the yielded or
-- returned values without the leading true.
local f = coroutine.wrap(function(a)
  print("started with", a)
  local b = coroutine.yield(a + 1)
  print("resumed with", b)
  local c, d = coroutine.yield(b * 2, "two")
  return c .. d
end)
print(type(f))
print(f(1))
print(f(10))
print(f("x", "y"))
-- wrap of a function that never yields
local g = coroutine.wrap(function(...) return select('#', ...), ... end)
print(g(nil, nil))
-- the function returned by wrap is a new value each time
local body = function() end
print(coroutine.wrap(body) == coroutine.wrap(body))
