-- Coroutines created in a loop capture that iteration's fresh loop variable: each one sees
-- its own value, even after the loop ended and after the others changed theirs.
local cos = {}
for i = 1, 4 do
  cos[i] = coroutine.wrap(function()
    coroutine.yield("first " .. i)
    i = i * 100
    coroutine.yield("changed " .. i)
    return "end " .. i
  end)
end
for round = 1, 3 do
  local out = {}
  for k = 1, 4 do out[k] = cos[k]() end
  print(table.concat(out, ", "))
end
-- generic-for variables and a while loop's block local
local byname = {}
for k, v in ipairs({"x", "y"}) do
  byname[v] = coroutine.wrap(function() while true do coroutine.yield(k .. v) end end)
end
print(byname.x(), byname.y(), byname.x())
local n, ws = 0, {}
while n < 3 do
  n = n + 1
  local mine = n
  ws[n] = coroutine.wrap(function() coroutine.yield(mine, n) end)
end
print(ws[1]()) print(ws[2]()) print(ws[3]())
