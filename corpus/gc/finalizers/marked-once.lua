-- Setting a metatable with __gc on an object already marked for finalization does not mark it
-- again, so it keeps its place in the finalization order; removing the metatable does not
-- unmark it. debug.setmetatable marks tables as setmetatable does.
collectgarbage("stop")
local log = {}
local mt = {__gc = function(o) log[#log + 1] = o.name end}
local other = {__gc = function(o) log[#log + 1] = o.name .. " (other)" end}
local function make()
  local a = setmetatable({name = "a"}, mt)
  local b = setmetatable({name = "b"}, mt)
  setmetatable(a, mt)             -- a stays older than b
  local c = debug.setmetatable({name = "c"}, mt)
  local d = setmetatable({name = "d"}, mt)
  setmetatable(d, nil)            -- d stays marked, but has no __gc when finalized
  local e = setmetatable({name = "e"}, mt)
  setmetatable(e, other)          -- the finalizer is looked up when it runs
  setmetatable(b, {})             -- b has no finalizer any more either
end
make()
collectgarbage()
print(table.concat(log, " "))
