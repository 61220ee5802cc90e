-- Upvalues closed when their function returns hold their values through many collections:
-- counters, accumulators and nested closures keep working, and what they hold is collected
-- only when the closures are.
local weak = setmetatable({}, {__mode = "k"})
local function counter(start)
  local n = start
  local history = {}
  weak[history] = true
  return function()
    n = n + 1
    history[#history + 1] = n
    return n, #history
  end
end
local counters = {}
for i = 1, 5 do counters[i] = counter(i * 100) end
for round = 1, 3 do
  for i = 1, 5 do counters[i]() end
  collectgarbage()
end
local line = {}
for i = 1, 5 do local n, len = counters[i](); line[i] = n .. "/" .. len end
print(table.concat(line, " "))
local left = 0
for _ in pairs(weak) do left = left + 1 end
print(left)
for i = 1, 5, 2 do counters[i] = nil end
collectgarbage()
left = 0
for _ in pairs(weak) do left = left + 1 end
print(left, counters[2](), counters[4]())
local function nest(x) return function() return function() return x end end end
local f = nest({value = "deep"})
collectgarbage()
print(f()().value)
