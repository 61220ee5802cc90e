-- A wrap'd function passes its arguments to the coroutine exactly as resume does and
-- returns the yielded values exactly, with no status flag.
local acc = coroutine.wrap(function(first)
  local total = first
  while true do
    local n, tag = coroutine.yield(total, "running total")
    if n == nil then break end
    total = total + n
    if tag then print("tag", tag) end
  end
  return "final", total
end)
print(acc(10))
print(acc(5))
print(acc(2.5, "float"))
print(acc(-7))
print(acc())
-- select('#') of a wrap call counts nils
local w = coroutine.wrap(function() coroutine.yield(nil, nil) return nil end)
print(select('#', w()), select('#', w()))
