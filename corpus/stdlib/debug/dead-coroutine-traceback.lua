-- A coroutine that died by an error keeps the stack it died with for debug.traceback;
-- tracebacks inside a coroutine, and negative levels.
local co = coroutine.create(function(a)
  local function bad(x) local t = nil; return t.x end
  bad(a)
end)
print(coroutine.resume(co, 1))
print(debug.traceback(co))
print(debug.traceback(co, "m", 1))
print(debug.getlocal(co, 0, 1))
print(debug.getinfo(co, 0, "l").currentline)
local co2 = coroutine.wrap(function() print(debug.traceback("in co")) print(debug.traceback(coroutine.running(), "x")) end)
co2()
print(debug.traceback(co, -1))
print(debug.traceback("m", -1))
