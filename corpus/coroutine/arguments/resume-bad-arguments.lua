-- coroutine.resume checks that its first argument is a thread. Called from Lua code the
-- function is named after the call expression ('resume'); called by pcall directly, after
-- its global name ('coroutine.resume').
print(pcall(coroutine.resume, 1))
print(pcall(coroutine.resume))
print(pcall(coroutine.resume, nil))
print(pcall(coroutine.resume, {}))
print(pcall(coroutine.resume, function() end))
print(pcall(coroutine.resume, "thread"))
print(pcall(function() return coroutine.resume(1) end))
print(pcall(function() return coroutine.resume() end))
local co = coroutine
print(pcall(function() return co.resume(true) end))
local resume = coroutine.resume
print(pcall(function() return resume(print) end))
-- a wrap'd function is not a thread
local w = coroutine.wrap(function() end)
print(pcall(function() return coroutine.resume(w) end))
