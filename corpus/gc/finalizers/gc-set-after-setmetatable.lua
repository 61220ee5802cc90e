-- An object is marked for finalization only if its metatable has a __gc field when
-- setmetatable is called: adding __gc to the metatable later does nothing for it, but does
-- for objects given that metatable afterwards.
collectgarbage("stop")
local log = {}
local mt = {}
local function make(name) setmetatable({name = name}, mt) end
make("early")
mt.__gc = function(o) log[#log + 1] = o.name end
make("late")
collectgarbage()
print(table.concat(log, " "))
-- Setting the metatable again, now that it has __gc, marks the object.
log = {}
local plain = {}
local early = setmetatable({name = "re-set"}, plain)
plain.__gc = function(o) log[#log + 1] = o.name end
setmetatable(early, plain)
early = nil
collectgarbage()
print(table.concat(log, " "))
