-- Once a coroutine has returned, its stack no longer keeps its locals: they are collected
-- even while the dead coroutine itself is still referenced. A coroutine that died by an error
-- keeps its stack, which debug.traceback can still read, and so its locals, until the
-- coroutine itself is collected.
local function keys(t)
  local list = {}
  for k in pairs(t) do list[#list + 1] = k end
  table.sort(list)
  return table.concat(list, " ")
end
local weak = setmetatable({}, {__mode = "v"})
local finished = coroutine.create(function()
  local a, b = {}, {}
  weak.a, weak.b = a, b
  coroutine.yield()
  return "done"
end)
local failed = coroutine.create(function()
  local c = {}
  weak.c = c
  coroutine.yield()
  error("failed", 0)
end)
coroutine.resume(finished)
coroutine.resume(failed)
collectgarbage()
print("suspended:", keys(weak))
print(coroutine.resume(finished))
print(coroutine.resume(failed))
collectgarbage()
print("dead:", keys(weak), coroutine.status(finished), coroutine.status(failed))
failed = nil
collectgarbage()
print("dropped:", keys(weak))
