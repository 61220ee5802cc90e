-- Coroutines resuming coroutines: the status each sees of the others, what
-- coroutine.running says, tracebacks from inside and of suspended threads, and yields that
-- unwind one level at a time, resumed again in another order.
local main = coroutine.running()
local A, B, C
local names = {}
local function name(co) return names[co] or tostring(co == main and "main" or "?") end
local function report(where)
  print(where, "A " .. coroutine.status(A), "B " .. coroutine.status(B),
    "C " .. coroutine.status(C), "running " .. name(coroutine.running()),
    coroutine.isyieldable())
end
C = coroutine.create(function(v)
  report("C starts")
  print(debug.traceback("in C", 1))
  local w = coroutine.yield("C1 " .. v)
  report("C resumed")
  return "C ends " .. w
end)
B = coroutine.create(function(v)
  report("B starts")
  print("B got", coroutine.resume(C, v .. "b"))
  local w = coroutine.yield("B1")
  print("B got", coroutine.resume(C, w))
  print("B got", coroutine.resume(C))
  return "B ends"
end)
A = coroutine.create(function()
  report("A starts")
  print("A got", coroutine.resume(B, "a"))
  coroutine.yield("A1")
  print("A got", coroutine.resume(B, "again"))
  return "A ends"
end)
names[A], names[B], names[C] = "A", "B", "C"
report("main")
print("main got", coroutine.resume(A))
report("main")
print(debug.traceback(A))
print(debug.traceback(B))
print(debug.traceback(C))
print("main got", coroutine.resume(A))
report("main")
print("main got", coroutine.resume(A))

-- A long chain of wraps, each resuming the next from Lua code, unwound one yield at a time.
local depth = 150
local chain = {}
for i = depth, 1, -1 do
  local nextw = chain[i + 1]
  chain[i] = coroutine.wrap(function()
    local s = 0
    for round = 1, 3 do
      local v = nextw and nextw() or round
      s = s + v
      coroutine.yield(v + 1)
    end
    return s
  end)
end
print(chain[1](), chain[1](), chain[1](), chain[1]())
