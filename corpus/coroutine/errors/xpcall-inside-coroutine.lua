-- xpcall inside a coroutine: the message handler runs in the coroutine, its traceback shows
-- only the coroutine's frames, and the coroutine goes on after the error.
local function inner(x)
  if x > 2 then error("too big: " .. x) end
  return x
end
local function handler(m)
  return "handled<" .. m .. ">"
end
local co = coroutine.create(function(...)
  for _, v in ipairs({...}) do
    local ok, r = xpcall(inner, handler, v)
    coroutine.yield(ok, r)
  end
  local ok, tb = xpcall(function() local t = nil; return t.x end, debug.traceback)
  print(ok)
  print(tb)
  local ok2, tb2 = xpcall(inner, function(m) return debug.traceback(m, 2) end, 9)
  print(ok2)
  print(tb2)
  return "finished"
end)
print(coroutine.resume(co, 1, 5, 2))
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
