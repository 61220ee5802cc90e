-- Resuming a dead coroutine fails with "cannot resume dead coroutine", every time, and does
-- not raise an error: resume returns false and the message.
local co = coroutine.create(function() return 1 end)
print(coroutine.resume(co))
for i = 1, 3 do print(i, coroutine.resume(co)) end
print(select('#', coroutine.resume(co)))
-- dead by error
local co2 = coroutine.create(function() error("x") end)
coroutine.resume(co2)
print(coroutine.resume(co2, "arguments", "are", "ignored"))
-- the message is a plain string with no position
local ok, msg = coroutine.resume(co)
print(type(msg), msg == "cannot resume dead coroutine")
