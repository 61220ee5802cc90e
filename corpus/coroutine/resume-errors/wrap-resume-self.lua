-- A wrap'd function that calls itself while it runs raises "cannot resume non-suspended
-- coroutine" with the position of that call; the error kills the coroutine.
local f
f = coroutine.wrap(function(n)
  print("called with", n)
  if n == 1 then return f(2) end
  return "unreachable"
end)
print(pcall(f, 1))
print(pcall(f, 3))
-- catching the self-call inside keeps the coroutine alive
local g
g = coroutine.wrap(function()
  print(pcall(g, "again"))
  coroutine.yield("alive")
  return "end"
end)
print(g())
print(g())
