-- A coroutine in the normal state (it resumed the current one) cannot be resumed: resume
-- returns false and "cannot resume non-suspended coroutine"; both go on afterwards.
local outer, inner
inner = coroutine.create(function()
  print("inner resumes outer", coroutine.resume(outer))
  print("outer is", coroutine.status(outer))
  coroutine.yield("inner yielded")
  return "inner done"
end)
outer = coroutine.create(function()
  print("outer resumed inner", coroutine.resume(inner))
  coroutine.yield("outer yielded")
  print("outer resumed inner again", coroutine.resume(inner))
  return "outer done"
end)
print(coroutine.resume(outer))
print(coroutine.resume(outer))
print(coroutine.status(outer), coroutine.status(inner))
-- three deep: the innermost cannot resume either of its resumers
local a, b
local c = coroutine.create(function()
  print("c -> a", coroutine.resume(a))
  print("c -> b", coroutine.resume(b))
end)
b = coroutine.create(function() coroutine.resume(c) end)
a = coroutine.create(function() coroutine.resume(b) end)
coroutine.resume(a)
