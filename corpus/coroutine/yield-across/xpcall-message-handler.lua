-- A coroutine can yield from inside the function called by xpcall; an error raised after the
-- resume goes to the message handler, which runs in the coroutine. The handler itself cannot
-- yield: PUC reports that as "error in error handling".
local co = coroutine.create(function()
  local ok, m = xpcall(function(a)
    local b = coroutine.yield("yield in xpcall", a)
    error({code = b})
  end, function(e) return "handled code " .. e.code .. " yieldable " .. tostring(coroutine.isyieldable()) end, 5)
  print("xpcall", ok, m)
  local ok2, r1, r2 = xpcall(function() return coroutine.yield("again") end, print)
  print("xpcall ok", ok2, r1, r2)
  local ok3, m3 = xpcall(function() error("raised") end, function(m) coroutine.yield("from handler") return m end)
  print("handler yield", ok3, m3)
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 99))
print(coroutine.resume(co, "x", "y"))
print(coroutine.status(co))
