-- Hooks set and removed while coroutines are suspended or running: call and return events
-- of resume and yield, in the thread that has the hook, and none in the others.
local events = {}
local function hook(event)
  local info = debug.getinfo(2, "n")
  local n = info and info.name
  if n == "resume" or n == "yield" or n == "producer" then
    events[#events + 1] = event .. " " .. n
  end
end
local function producer()
  for i = 1, 3 do coroutine.yield(i) end
  debug.sethook(hook, "cr")
  for i = 4, 6 do coroutine.yield(i) end
  debug.sethook()
  for i = 7, 8 do coroutine.yield(i) end
  return "end"
end
local co = coroutine.create(producer)
local got = {}
for _ = 1, 2 do got[#got + 1] = select(2, coroutine.resume(co)) end
debug.sethook(hook, "cr")
for _ = 1, 2 do got[#got + 1] = select(2, coroutine.resume(co)) end
debug.sethook()
for _ = 1, 6 do got[#got + 1] = select(2, coroutine.resume(co)) end
print(table.concat(got, " "))
print(#events)
for _, e in ipairs(events) do print(e) end
print(coroutine.status(co))

-- A count hook in a coroutine set before it starts: it counts in that coroutine only.
local count = 0
local counted = coroutine.create(function()
  for i = 1, 5 do coroutine.yield(i) end
end)
debug.sethook(counted, function() count = count + 1 end, "", 1)
local s = 0
while coroutine.status(counted) ~= "dead" do
  local _, v = coroutine.resume(counted)
  s = s + (v or 0)
end
print(s, count > 0, debug.gethook())

-- A hook set on the resumer from inside the coroutine it resumed: the resumer sees the
-- return of its resume when the coroutine yields back, and of the next one too.
local main = coroutine.running()
local seen = {}
local setter = coroutine.create(function()
  debug.sethook(main, function(event)
    local info = debug.getinfo(2, "n")
    seen[#seen + 1] = event .. " " .. tostring(info and info.name)
  end, "cr")
  coroutine.yield("hooked")
  coroutine.yield("again")
end)
-- (Nothing is printed while the hook is set: print's own calls would be reported.)
local first = {coroutine.resume(setter)}
local second = {coroutine.resume(setter)}
debug.sethook()
print(first[1], first[2], second[1], second[2])
for _, e in ipairs(seen) do print(e) end
