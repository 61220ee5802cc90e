-- Once an object is marked, the finalizer called is whatever __gc holds when it runs: a
-- function put in its place later is called, and nothing is called if __gc was removed.
collectgarbage("stop")
local log = {}
local mt_changed = {__gc = function() log[#log + 1] = "original" end}
local mt_removed = {__gc = function() log[#log + 1] = "removed one" end}
local function make()
  setmetatable({}, mt_changed)
  setmetatable({}, mt_removed)
end
make()
mt_changed.__gc = function() log[#log + 1] = "replacement" end
mt_removed.__gc = nil
collectgarbage()
print(table.concat(log, " "))
-- A __gc reached through the metatable's own __index does not count: the lookup is raw.
log = {}
local inherited = setmetatable({}, {__index = {__gc = function() log[#log + 1] = "inherited" end}})
local function make_inherited() setmetatable({}, inherited) end
make_inherited()
collectgarbage()
print(#log)
