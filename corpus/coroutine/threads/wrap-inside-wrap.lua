-- wrap'd functions calling other wrap'd functions: each yield goes only to the caller of
-- the innermost wrap'd function, so generators can be nested freely.
local function countdown(n)
  return coroutine.wrap(function() for i = n, 1, -1 do coroutine.yield(i) end end)
end
local nested = coroutine.wrap(function()
  for outer = 1, 3 do
    local parts = {}
    for v in countdown(outer) do parts[#parts + 1] = v end
    coroutine.yield(outer .. ":" .. table.concat(parts, ","))
  end
  return "nested done"
end)
for _ = 1, 4 do print(nested()) end
-- an outer wrap that forwards its inner one's yields, with a transformation
local inner = coroutine.wrap(function(a)
  local b = coroutine.yield(a * 2)
  local c = coroutine.yield(b * 2)
  return c * 2
end)
local outer = coroutine.wrap(function(x)
  while true do
    local r = inner(x)
    x = coroutine.yield("inner gave " .. r)
  end
end)
print(outer(1))
print(outer(10))
print(outer(100))
print(pcall(outer, 1000))
