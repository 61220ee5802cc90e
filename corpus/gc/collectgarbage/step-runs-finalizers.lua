-- A "step" that finishes a cycle runs the finalizers of the objects it found unreachable, in
-- the same order as a full collection; an error in one of them propagates out of
-- collectgarbage("step") with the same message.
collectgarbage("stop")
local log = {}
local mt = {__gc = function(o) log[#log + 1] = o.n end}
local function make() for i = 1, 5 do setmetatable({n = i}, mt) end end
make()
repeat until collectgarbage("step", 100000)
print(table.concat(log, " "))
log = {}
make()
repeat until collectgarbage("step", 100000)
print(table.concat(log, " "))
local function make_failing()
  setmetatable({}, {__gc = function() error("failed in a step") end})
end
make_failing()
print(pcall(collectgarbage, "step", 100000))
