-- A coroutine can yield from inside pcall; after the resume, pcall still catches errors
-- raised in its function and returns its results.
local co = coroutine.create(function()
  local ok, a, b = pcall(function(x)
    local got = coroutine.yield("inside pcall", x)
    return got, got * 2
  end, 7)
  print("pcall returned", ok, a, b)
  local ok2, e = pcall(function()
    local v = coroutine.yield("before error")
    error("after resume: " .. v, 0)
  end)
  print("pcall caught", ok2, e)
  local ok3, e3 = pcall(function()
    coroutine.yield("before runtime error")
    local n = nil
    return n.field
  end)
  print("pcall caught", ok3, e3)
  return "body done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 21))
print(coroutine.resume(co, "V"))
print(coroutine.resume(co))
print(coroutine.status(co))
-- pcall(coroutine.yield, ...) yields directly
local w = coroutine.wrap(function() return pcall(coroutine.yield, "direct") end)
print(w())
print(w("back", "again"))
