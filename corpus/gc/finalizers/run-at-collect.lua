-- A table whose metatable has a __gc function when setmetatable is called is finalized by the
-- first full collection after it becomes unreachable; the finalizer gets the object itself.
-- The collector is stopped, so that only the explicit collections run finalizers.
collectgarbage("stop")
local log = {}
local objects = {}
local mt = {__gc = function(o) log[#log + 1] = o.name .. (objects[o.name] == nil and "" or "?") end}
local function make(name) local o = setmetatable({name = name}, mt) objects[name] = o return o end
make("a"); make("b")
collectgarbage()
print("while referenced", #log)
objects.a = nil
collectgarbage()
print("after releasing a", table.concat(log, " "))
objects.b = nil
print("before collecting b", #log)
collectgarbage()
print("after releasing b", table.concat(log, " "))
local passed
setmetatable({}, {__gc = function(o) passed = type(o) end})
collectgarbage()
print(passed)
