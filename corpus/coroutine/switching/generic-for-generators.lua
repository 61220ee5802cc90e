-- Generators nested through generic for loops: each level is a wrap consumed by a for in
-- the level above, so each level costs two C levels in PUC (the iterator call and the
-- resume); the depth at which "C stack overflow" strikes must be PUC's.
local deepest = 0
local function gen(n)
  return coroutine.wrap(function()
    deepest = math.max(deepest, n)
    coroutine.yield(n)
    for v in gen(n + 1) do coroutine.yield(v) end
  end)
end
local ok, err = pcall(function()
  local count = 0
  for v in gen(1) do count = count + 1 end
  return count
end)
print(ok, (tostring(err):gsub("^.-:%d+: ", "")):sub(1, 60), deepest)
-- iterator errors, positions and a break out of a switched generator
local function bad()
  return coroutine.wrap(function() coroutine.yield(1) error("bad iterator") end)
end
print(pcall(function() for v in bad() do end end))
local g = coroutine.wrap(function() for i = 1, 10 do coroutine.yield(i) end end)
for v in g do if v == 3 then break end end
print(g(), g())
local rest = {} for v in g do rest[#rest + 1] = v end print(table.concat(rest, " "))
print(pcall(g))
-- a generator that yields nothing, and one yielding several values at once
for a, b, c in coroutine.wrap(function() coroutine.yield(1, 2, 3) coroutine.yield(4) end) do
  print(a, b, c)
end
for v in coroutine.wrap(function() end) do print("never") end
-- a for over a wrap inside a coroutine resumed from Lua code, yielding to its own resumer
local outer = coroutine.wrap(function()
  for v in coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * 2) end end) do
    coroutine.yield(v + 1)
  end
  return "outer done"
end)
print(outer(), outer(), outer(), outer())
-- coroutine.yield and coroutine.resume as the iterator of a generic for: the yield hands the
-- loop's state and control variable to the resumer, and what the resume passes back drives
-- the loop.
local driver = coroutine.create(function()
  local steps = {}
  for a, b in coroutine.yield, "state" do
    steps[#steps + 1] = tostring(a) .. "/" .. tostring(b)
  end
  return table.concat(steps, " ")
end)
print(coroutine.resume(driver))
print(coroutine.resume(driver, 1, "x"))
print(coroutine.resume(driver, 2, "y"))
print(coroutine.resume(driver, nil))
local source = coroutine.create(function() for i = 1, 3 do coroutine.yield(i * 5) end end)
local pulled = {}
for ok, v in coroutine.resume, source do
  if not v then break end
  pulled[#pulled + 1] = tostring(ok) .. ":" .. v
end
print(table.concat(pulled, " "), coroutine.status(source))
