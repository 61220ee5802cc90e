-- An uncaught argument error from coroutine.resume at the top level: the message names the
-- function as called, with the caller's position, and the traceback starts in the C function.
local function start(task)
  return coroutine.resume(task, "go")
end
print(start(coroutine.create(function(x) return x end)))
start(function(x) return x end)
