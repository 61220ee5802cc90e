-- Generators built with coroutine.wrap: ranges, Fibonacci numbers, take/zip combinators and
-- an infinite generator that is simply abandoned.
local function range(a, b, step)
  return coroutine.wrap(function()
    for i = a, b, step or 1 do coroutine.yield(i) end
  end)
end
local function fib()
  return coroutine.wrap(function()
    local x, y = 0, 1
    while true do coroutine.yield(x); x, y = y, x + y end
  end)
end
local function take(n, gen)
  return coroutine.wrap(function()
    for _ = 1, n do
      local v = gen()
      if v == nil then return end
      coroutine.yield(v)
    end
  end)
end
local function zip(g1, g2)
  return coroutine.wrap(function()
    while true do
      local a, b = g1(), g2()
      if a == nil or b == nil then return end
      coroutine.yield(a, b)
    end
  end)
end
local function collect(gen)
  local t = {}
  for v in gen do t[#t + 1] = tostring(v) end
  return table.concat(t, " ")
end
print(collect(range(1, 5)))
print(collect(range(10, 1, -3)))
print(collect(range(0, 1, 0.25)))
print(collect(take(15, fib())))
print(collect(take(10, range(1, 3))))
for a, b in zip(range(1, 10), take(3, fib())) do print(a, b) end
local f = fib()
for _ = 1, 90 do f() end
print("fib 90", f())
