-- nil values anywhere in the list, including at the end, are passed through yield and resume
-- and counted.
local function show(...)
  local t = table.pack(...)
  local parts = {}
  for i = 1, t.n do parts[i] = tostring(t[i]) end
  return t.n .. ":" .. table.concat(parts, ",")
end
local co = coroutine.create(function(...)
  print("args", show(...))
  print("y1", show(coroutine.yield(nil, 2, nil)))
  print("y2", show(coroutine.yield(nil)))
  print("y3", show(coroutine.yield(1, nil, nil, nil)))
  return nil, nil, "last", nil
end)
print("r0", show(coroutine.resume(co, nil, nil)))
print("r1", show(coroutine.resume(co, nil, "b", nil)))
print("r2", show(coroutine.resume(co, nil)))
print("r3", show(coroutine.resume(co, false, nil)))
