-- A coroutine killed by an error stays dead: resume keeps failing, wrap keeps raising, and
-- its locals are not re-run. Errors caught inside do not count.
local runs = 0
local co = coroutine.create(function()
  runs = runs + 1
  error("only once", 0)
end)
for i = 1, 3 do print(i, coroutine.resume(co), coroutine.status(co)) end
print("runs", runs)
local w = coroutine.wrap(function() runs = runs + 1; error({}) end)
local ok, e = pcall(w)
print(ok, type(e))
for i = 1, 2 do print(pcall(w)) end
print("runs", runs)
-- error after a pcall'd error: only the uncaught one kills it
local co2 = coroutine.create(function()
  pcall(error, "inner")
  coroutine.yield("survived")
  error("outer", 0)
end)
print(coroutine.resume(co2))
print(coroutine.resume(co2))
print(coroutine.resume(co2))
print(coroutine.status(co2))
