-- A __gc that is not a function (true, a string, a callable table) still marks the object for
-- finalization, but nothing is called and no error is raised. If a function is put in __gc
-- before the object is collected, that function runs: `__gc = true` is a placeholder.
collectgarbage("stop")
local log = {}
local callable = setmetatable({}, {__call = function() log[#log + 1] = "callable table" end})
local placeholder = {__gc = true}
local function make()
  setmetatable({}, {__gc = true})
  setmetatable({}, {__gc = "a string"})
  setmetatable({}, {__gc = 42})
  setmetatable({}, {__gc = callable})
  setmetatable({name = "placeholder"}, placeholder)
end
make()
placeholder.__gc = function(o) log[#log + 1] = o.name end
print(pcall(collectgarbage))
print(#log, log[1])
-- Without the placeholder, a function added later is never called.
log = {}
local unmarked = {}
local function make_unmarked() setmetatable({name = "unmarked"}, unmarked) end
make_unmarked()
unmarked.__gc = function(o) log[#log + 1] = o.name end
collectgarbage()
print(#log)
