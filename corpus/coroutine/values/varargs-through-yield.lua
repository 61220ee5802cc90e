-- Varargs pass through yield unchanged: yield(...) hands over exactly the arguments, and
-- return coroutine.yield(...) returns exactly the next resume's values.
local echo = coroutine.wrap(function(...)
  local args = table.pack(...)
  while true do
    args = table.pack(coroutine.yield(table.unpack(args, 1, args.n)))
    if args.n == 1 and args[1] == "stop" then return "stopped" end
  end
end)
print(echo(1, 2, 3))
print(select('#', echo()))
print(echo(nil, nil, 3))
print(select('#', echo(nil, nil)))
print(echo("stop"))
-- a tail-called yield
local relay = coroutine.create(function(...) return coroutine.yield(...) end)
print(coroutine.resume(relay, "a", nil, "c"))
print(coroutine.resume(relay, "x", "y"))
-- yield as the middle argument is truncated to one value
local mid = coroutine.create(function()
  print("middle", "<", coroutine.yield("m"), ">")
  print("last", "<", coroutine.yield("l"))
end)
coroutine.resume(mid)
coroutine.resume(mid, 1, 2, 3)
coroutine.resume(mid, 4, 5, 6)
