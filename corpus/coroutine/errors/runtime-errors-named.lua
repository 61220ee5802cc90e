-- Run-time errors inside coroutines carry the same variable descriptions and positions as in
-- the main thread.
local function try(f, ...)
  local co = coroutine.create(f)
  print(coroutine.resume(co, ...))
end
try(function(t) return t.field.sub end, {})
try(function() local n = nil; return n + 1 end)
try(function(s) return #s end, 5)
try(function() return undefined_global() end)
try(function(obj) return obj:method() end, {})
local up = nil
try(function() return up.x end)
try(function() return {} .. "x" end)
try(function() return 1 < "2" end)
try(function() return math.floor("x") end)
try(function() return ("x"):rep(1, 2, 3) .. nil end)
try(function() return 1 // 0 end)
try(function() coroutine.yield("first") return nil + nil end)
-- after a yield the error comes from the next resume
local co = coroutine.create(function() coroutine.yield("ok") local z; z() end)
print(coroutine.resume(co))
print(coroutine.resume(co))
