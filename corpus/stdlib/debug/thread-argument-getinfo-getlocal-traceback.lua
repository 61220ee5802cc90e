-- The debug functions given a coroutine: its stack seen from outside, from a suspended
-- yield, its locals read and written, and its own hook.
local co = coroutine.create(function(a, b)
  local x = a + b
  local function inner(y) local z = y; coroutine.yield(z) end
  inner(x)
  return 1
end)
print(debug.traceback(co))
print(debug.traceback(co, "msg"))
coroutine.resume(co, 1, 2)
print(debug.traceback(co))
print(debug.traceback(co, "msg", 1))
print(debug.traceback(co, nil, 2))
for l = 0, 2 do
  local i = debug.getinfo(co, l, "nSl")
  print(l, i and i.currentline, i and i.name, i and i.what)
  for n = 1, 3 do print("", debug.getlocal(co, l, n)) end
end
print(debug.setlocal(co, 1, 1, 42))
print(debug.getlocal(co, 1, 1))
print(pcall(debug.getlocal, co, 5, 1))
print(debug.getinfo(co, 5))
print(pcall(debug.getinfo, co))
print(pcall(debug.getlocal, co, 1))
debug.sethook(co, print, "l")
print(select(2, debug.gethook(co)))
print(coroutine.resume(co))
print(debug.traceback(co))
print(debug.getinfo(co, 0))
local main = coroutine.running()
print(debug.traceback(main, "m"))
