-- Each yield suspends the coroutine; each resume continues it right after the yield that
-- suspended it, and local state survives between resumes.
local co = coroutine.create(function(n)
  local total = 0
  for i = 1, n do
    total = total + i
    coroutine.yield(i, total)
  end
  return "sum", total
end)
for step = 1, 6 do
  print(step, coroutine.status(co), coroutine.resume(co, 4))
end
-- yields from nested Lua calls inside the coroutine suspend the whole coroutine
local function deep(k)
  if k == 0 then return coroutine.yield("bottom") end
  local r = deep(k - 1)
  return r .. k
end
local co2 = coroutine.create(function() return deep(5) end)
print(coroutine.resume(co2))
print(coroutine.resume(co2, "up:"))
print(coroutine.status(co2))
