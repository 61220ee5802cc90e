-- debug.sethook: call, return, line and count events, the names a hook sees
-- for the function it interrupts, and the masks gethook reports back.
local events = {}
local function hook(ev, line)
  local info = debug.getinfo(2, "nSl")
  events[#events + 1] = ev .. ":" .. tostring(line) .. ":" .. tostring(info.name) .. ":" .. info.what
end
local function f(x) local y = x + 1
  return y end
local function g(x) return f(x) end
debug.sethook(hook, "crl")
g(1)
debug.sethook()
for i, e in ipairs(events) do print(i, e) end
print(debug.gethook())

local count = 0
debug.sethook(function(ev) count = count + 1 end, "", 10)
for i = 1, 100 do local z = i * 2 end
debug.sethook()
print("count events", count)

local h = function() end
debug.sethook(h, "lc", 3)
local fn, mask, n = debug.gethook()
debug.sethook()
print(fn == h, mask, n)

print(pcall(debug.sethook, print, "l", 1.5))

local co = coroutine.create(function()
  debug.sethook(function(e, l) print("co hook", e, l) end, "l")
  local a = 1
  coroutine.yield()
end)
coroutine.resume(co)
print(debug.gethook())
print(select("#", debug.gethook(co)))

debug.sethook(function(e)
  local info = debug.getinfo(1, "n")
  print("in hook", info.namewhat, info.name)
  debug.sethook()
end, "c")
print("x")

-- A coroutine starts with the hook of the thread that created it.
local function h2() end
debug.sethook(h2, "r", 7)
local c2 = coroutine.create(print)
debug.sethook()
local hf, hm, hc = debug.gethook(c2)
print(hf == h2, hm, hc)
