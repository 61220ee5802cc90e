-- A round-robin scheduler: tasks are coroutines that yield to give up the processor; the
-- scheduler resumes them in turn, removes finished ones and reports failed ones.
local tasks, log = {}, {}
local function spawn(name, f, ...)
  tasks[#tasks + 1] = {name = name, co = coroutine.create(f), args = table.pack(...)}
end
local function run()
  local tick = 0
  while #tasks > 0 do
    tick = tick + 1
    local i = 1
    while i <= #tasks do
      local t = tasks[i]
      local ok, msg = coroutine.resume(t.co, table.unpack(t.args, 1, t.args.n))
      t.args = table.pack(tick)
      if not ok then
        log[#log + 1] = tick .. " " .. t.name .. " failed: " .. tostring(msg)
        table.remove(tasks, i)
      elseif coroutine.status(t.co) == "dead" then
        log[#log + 1] = tick .. " " .. t.name .. " finished" .. (msg and (" -> " .. msg) or "")
        table.remove(tasks, i)
      else
        if msg then log[#log + 1] = tick .. " " .. t.name .. " says " .. msg end
        i = i + 1
      end
    end
  end
  return tick
end
spawn("counter", function(n) for i = 1, n do coroutine.yield("count " .. i) end return "counted" end, 3)
spawn("clock", function()
  local seen = {}
  for _ = 1, 4 do seen[#seen + 1] = coroutine.yield() end
  return "ticks " .. table.concat(seen, ",")
end)
spawn("crasher", function() coroutine.yield("about to fail") error("crash", 0) end)
spawn("quick", function(a, b) return a .. b end, "q", "!")
print("ticks", run())
print(table.concat(log, "\n"))
