-- "step" returns a boolean: true when the step finished a cycle, which a large enough step
-- always does. Repeated small steps finish a cycle too, and clear weak tables as a full
-- collection does. Stepping works while the collector is stopped.
print(collectgarbage("step", 100000))
print(collectgarbage("step", 1000000))
print(type(collectgarbage("step")), type(collectgarbage("step", 0)))
local weak = setmetatable({}, {__mode = "k"})
local function fill() for i = 1, 10 do weak[{}] = i end end
collectgarbage("stop")
fill()
local finished = false
for i = 1, 100000 do
  if collectgarbage("step") then finished = true break end
end
print("small steps finished a cycle", finished)
repeat until collectgarbage("step", 1)
print("left after a cycle", next(weak))
print(collectgarbage("isrunning"))
collectgarbage("restart")
