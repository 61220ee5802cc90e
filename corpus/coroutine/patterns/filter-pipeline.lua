-- A pipeline of coroutines: a source, two filters and a sink, each filter resuming the one
-- before it. Values flow only when the sink asks for them.
local trace = {}
local function source(n)
  return coroutine.wrap(function()
    for i = 1, n do trace[#trace + 1] = "s" .. i; coroutine.yield(i) end
  end)
end
local function filter(pred, prev)
  return coroutine.wrap(function()
    for v in prev do
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local function map(f, prev)
  return coroutine.wrap(function()
    for v in prev do coroutine.yield(f(v)) end
  end)
end
local pipeline = map(function(x) return x * x end,
  filter(function(x) return x % 3 ~= 0 end,
    filter(function(x) return x % 2 == 1 end, source(20))))
local first = pipeline()
print("first", first, "pulled", table.concat(trace, " "))
local rest = {}
for v in pipeline do rest[#rest + 1] = v end
print("rest", table.concat(rest, " "))
print("pulled", #trace)
-- a filter that reformats lines, driven by a for-in loop
local function lines(text) return coroutine.wrap(function()
  for line in text:gmatch("[^\n]+") do coroutine.yield(line) end
end) end
local function numbered(prev) return coroutine.wrap(function()
  local n = 0
  for line in prev do n = n + 1; coroutine.yield(string.format("%3d  %s", n, line)) end
end) end
for l in numbered(lines("alpha\nbeta\n\ngamma")) do print(l) end
