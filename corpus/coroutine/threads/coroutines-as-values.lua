-- Coroutines are values: stored in tables, passed as arguments, returned from functions,
-- yielded out of one coroutine and resumed by another.
local function counter(name, n)
  return coroutine.create(function()
    for i = 1, n do coroutine.yield(name .. i) end
    return name .. " done"
  end)
end
local function drive(co)
  local out = {}
  while coroutine.status(co) ~= "dead" do
    local ok, v = coroutine.resume(co)
    out[#out + 1] = v
  end
  return table.concat(out, " ")
end
print(drive(counter("a", 2)))
local registry = {first = counter("f", 1), second = counter("s", 3)}
print(drive(registry.second), coroutine.status(registry.first))
-- a coroutine that creates other coroutines and yields them
local factory = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(counter("c" .. i, i)) end
end)
local made = {}
for c in factory do made[#made + 1] = c end
print(#made, type(made[1]))
-- another coroutine resumes the ones the factory made
local runner = coroutine.wrap(function(list)
  for _, c in ipairs(list) do coroutine.yield(drive(c)) end
end)
print(runner(made))
print(runner())
print(runner())
-- a coroutine passed into another and resumed there, one step at a time
local g = counter("g", 2)
local stepper = coroutine.wrap(function(target)
  while true do
    local ok, v = coroutine.resume(target)
    if coroutine.status(target) == "dead" then return "stepper saw end: " .. tostring(v) end
    coroutine.yield("stepped " .. v)
  end
end)
print(stepper(g)) print(stepper()) print(stepper())
