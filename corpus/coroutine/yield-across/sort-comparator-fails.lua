-- table.sort calls its comparator through a C call that cannot be continued, so a yield
-- there fails with "attempt to yield across a C-call boundary"; the coroutine survives if
-- the error is caught.
local co = coroutine.create(function()
  local t = {3, 1, 2}
  local ok, e = pcall(table.sort, t, function(a, b)
    coroutine.yield("never")
    return a < b
  end)
  print("sort", ok, e)
  print("yieldable in comparator", (function()
    local y
    table.sort({2, 1}, function(a, b) y = coroutine.isyieldable() return a < b end)
    return y
  end)())
  table.sort(t)
  coroutine.yield("still alive", table.concat(t, ","))
  -- uncaught: the error ends the coroutine
  table.sort({2, 1}, function(a, b) return coroutine.yield() end)
  return "unreachable"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
-- __lt used by table.sort cannot yield either
local mt = {__lt = function(a, b) coroutine.yield() return a.v < b.v end}
local items = {setmetatable({v = 2}, mt), setmetatable({v = 1}, mt)}
print(coroutine.resume(coroutine.create(function() table.sort(items) end)))
