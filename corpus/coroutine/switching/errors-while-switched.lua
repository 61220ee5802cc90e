-- Errors raised in coroutines that Lua code resumed: resume returns false and the error,
-- a wrap raises it again with its caller's position, and the coroutine is dead with its
-- stack kept for debug.traceback. Errors cross chains of coroutines, each level seeing them
-- the way its own resume or wrap reports them.
local co = coroutine.create(function(x)
  local y = coroutine.yield(x + 1)
  local t = nil
  return t.field + y
end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 2))
print(coroutine.status(co))
print(debug.traceback(co))
print(coroutine.resume(co))

local tv = {}
local thrower = coroutine.create(function() coroutine.yield() error(tv) end)
coroutine.resume(thrower)
local ok, e = coroutine.resume(thrower)
print(ok, e == tv)

-- A chain: main -> A (wrap) -> B (resume) -> C (wrap). C fails; B's wrap call re-raises it;
-- A catches it with its resume of B and yields the message to main.
local C = coroutine.wrap(function()
  coroutine.yield("c1")
  error("C failed")
end)
local B = coroutine.create(function()
  coroutine.yield(C())
  coroutine.yield(C())
  return "unreached"
end)
local A = coroutine.wrap(function()
  print("A got", coroutine.resume(B))
  print("A got", coroutine.resume(B))
  print("B is", coroutine.status(B))
  coroutine.yield("A yields")
  return "A ends"
end)
print(A())
print(A())
print(pcall(A))

-- An error inside a wrap generator consumed by for-in, and one from a wrap called directly.
local function failing_gen()
  return coroutine.wrap(function()
    coroutine.yield(1)
    coroutine.yield(2)
    error({code = 3})
  end)
end
local seen = {}
local ok1, err1 = pcall(function()
  for v in failing_gen() do seen[#seen + 1] = v end
end)
print(table.concat(seen, " "), ok1, type(err1), err1.code)
local ok2, err2 = pcall(function()
  local g = failing_gen()
  return g() + g() + g()
end)
print(ok2, type(err2), err2.code)

-- A coroutine that errors on its first run, and one whose error is caught inside it.
print(coroutine.resume(coroutine.create(function() return 1 + {} end)))
local inner = coroutine.create(function()
  local ok3, msg = pcall(function()
    coroutine.yield("inside pcall")
    error("caught inside", 0)
  end)
  coroutine.yield(ok3, msg)
  return "after"
end)
print(coroutine.resume(inner))
print(coroutine.resume(inner))
print(coroutine.resume(inner))
print(coroutine.resume(inner))
