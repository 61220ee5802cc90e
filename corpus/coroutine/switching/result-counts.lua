-- The values a resume or a wrap call returns, and the arguments a yield returns, adjusted to
-- what each call site wants: none, one, several, or all of them (in a table constructor, as
-- the last argument of a call, in a return).
local function counter()
  return coroutine.create(function(...)
    local args = table.pack(...)
    while true do
      local n = args[1] or 0
      local out = {}
      for i = 1, n do out[i] = i * 10 end
      args = table.pack(coroutine.yield(table.unpack(out, 1, n)))
    end
  end)
end
local co = counter()
coroutine.resume(co, 0)
for n = 0, 5 do
  coroutine.resume(co, n)
  local a = coroutine.resume(co, n)
  local b, c, d = coroutine.resume(co, n)
  local t = {coroutine.resume(co, n)}
  print(n, a, b, c, d, #t, select("#", coroutine.resume(co, n)))
end

local w = coroutine.wrap(function(...)
  local args = table.pack(...)
  while true do
    local n = args[1] or 0
    local out = {}
    for i = 1, n do out[i] = i end
    args = table.pack(coroutine.yield(table.unpack(out, 1, n)))
  end
end)
w(0)
for n = 0, 4 do
  w(n)
  local a = w(n)
  local b, c = w(n)
  print(n, a, b, c, select("#", w(n)), #{w(n)}, (w(n)))
end

-- What a yield returns, adjusted at the yield's call site.
local got = {}
local y = coroutine.create(function()
  local a = coroutine.yield()
  local b, c, d = coroutine.yield()
  local t = {coroutine.yield()}
  local n = select("#", coroutine.yield())
  coroutine.yield()
  got = {a, b, c, d, #t, n}
  return coroutine.yield()
end)
coroutine.resume(y)
coroutine.resume(y, 1, 2, 3)
coroutine.resume(y, 4)
coroutine.resume(y, 5, 6, 7, 8)
coroutine.resume(y, nil, nil, nil)
coroutine.resume(y)
print(table.unpack(got, 1, 6))
print(coroutine.resume(y, "last", "values", nil))
print(coroutine.status(y))

-- A coroutine's return values, adjusted the same way.
local function returning(...)
  local args = table.pack(...)
  return coroutine.create(function() return table.unpack(args, 1, args.n) end)
end
print(coroutine.resume(returning()))
print(coroutine.resume(returning(1, nil, 3)))
local one = coroutine.resume(returning(1, 2))
local x, y2, z = coroutine.resume(returning("a"))
print(one, x, y2, z, #{coroutine.resume(returning(1, 2, 3, 4))})
print(coroutine.wrap(function() return 1, 2, 3 end)())
print((coroutine.wrap(function() return 1, 2, 3 end)()))
