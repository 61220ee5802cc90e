-- debug.traceback's arguments: messages of every type, levels, a thread, and the level's argument error.
local function lines(s)
  local n = 0
  for _ in s:gmatch("\n") do n = n + 1 end
  return n
end
print(debug.traceback("msg", 1):match("^[^\n]*\n[^\n]*"))
print(debug.traceback("msg", 50))
print(debug.traceback(nil, 50))
print(debug.traceback("", 50))
print(debug.traceback(42, 50))
print(debug.traceback(4.5, 50))
local t = {}
print(debug.traceback(t) == t, debug.traceback(t, "x") == t, debug.traceback(true), debug.traceback(print) == print)
print(select("#", debug.traceback()), select("#", debug.traceback(nil)))
print(debug.traceback():match("^stack traceback:\n") ~= nil)
print(lines(debug.traceback("m", 1)) - lines(debug.traceback("m", 2)))
print(debug.traceback("m", 0):match("^m\nstack traceback:\n\t%[C%]: in function 'debug.traceback'") ~= nil)
print(debug.traceback("m", -1):match("^[^\n]*\n[^\n]*"))
print(pcall(debug.traceback, "m", "x"))
print(pcall(debug.traceback, "m", 1.5))
print(pcall(debug.traceback, nil, {}))
print(pcall(function() return debug.traceback("m", {}) end))
print(type(select(2, pcall(debug.traceback, {}, "x"))))
local co = coroutine.create(function() coroutine.yield() end)
print(debug.traceback(co))
print(debug.traceback(co, nil))
print(debug.traceback(co, "co msg", 0))
coroutine.resume(co)
print(debug.traceback(co, 7))
print(debug.traceback(co, "yielded", 1))
print(debug.traceback(co, "level 5", 5))
print(pcall(debug.traceback, co, "m", "x"))
print(debug.traceback(co, t) == t)
