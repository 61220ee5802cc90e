-- One coroutine resumed every way there is: by a call from Lua code (which the interpreter
-- loop makes itself), through pcall (a native caller), and as a wrap-style iterator of a
-- generic for. It yields every way too: directly, across a pcall, and from inside an
-- __index metamethod. Each resume must find it exactly where it stopped.
local log = {}
local proxy = setmetatable({}, {__index = function(_, k)
  return coroutine.yield("from __index", k) .. "!"
end})
local co = coroutine.create(function(a)
  log[#log + 1] = "start " .. a
  local b = coroutine.yield("direct", a)
  log[#log + 1] = "got " .. tostring(b)
  local ok, c = pcall(coroutine.yield, "across pcall", b)
  log[#log + 1] = "pcall gave " .. tostring(ok) .. " " .. tostring(c)
  local d = proxy.key
  log[#log + 1] = "index gave " .. d
  local e = coroutine.yield("direct again")
  log[#log + 1] = "got " .. tostring(e)
  for i = 1, 3 do
    local f = coroutine.yield("loop", i)
    log[#log + 1] = "loop got " .. tostring(f)
  end
  return "done", e
end)

print(coroutine.resume(co, "A"))
print(pcall(coroutine.resume, co, "B"))
print(coroutine.resume(co, "C"))
print(pcall(coroutine.resume, co, "D"))
print(coroutine.resume(co, "E"))
print(coroutine.resume(co, "F"))
print(select("#", pcall(coroutine.resume, co, "G")))
print(coroutine.resume(co, "H"))
print(coroutine.resume(co, "I"))
print(coroutine.status(co), coroutine.resume(co))
for _, line in ipairs(log) do print(line) end

-- The same body driven by for-in (a native call from the loop) and by direct calls in turn.
local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do
      if i % 2 == 0 then
        local ok, v = pcall(coroutine.yield, i)
        assert(ok and v == nil)
      else
        coroutine.yield(i)
      end
    end
  end)
end
local g = gen(8)
local seen = {}
seen[#seen + 1] = g()
for v in g do
  seen[#seen + 1] = v
  if v == 4 then break end
end
seen[#seen + 1] = g()
seen[#seen + 1] = select("#", g())
for v in g do seen[#seen + 1] = v end
print(table.concat(seen, " "))
