-- Tables, functions and threads passed through yield and resume are the same objects, not
-- copies; strings, numbers and booleans keep their values and subtypes.
local t, f = {}, function() end
local other = coroutine.create(function() end)
local co = coroutine.create(function(a, b, c)
  print("params same", a == t, b == f, c == other)
  local x, y, z = coroutine.yield(a, b, c)
  print("resumed same", x == t, y == f, z == other)
  a.mark = "set inside"
  return 1, 1.0, "1", true, false
end)
local ok, ra, rb, rc = coroutine.resume(co, t, f, other)
print(ok, ra == t, rb == f, rc == other)
local r = table.pack(coroutine.resume(co, t, f, other))
print(t.mark)
for i = 2, r.n do print(type(r[i]), math.type(r[i]), r[i]) end
print(math.type(coroutine.wrap(function() coroutine.yield(3) end)()))
print(math.type(coroutine.wrap(function() coroutine.yield(3.0) end)()))
