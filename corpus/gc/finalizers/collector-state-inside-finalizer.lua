-- While a finalizer runs, the collector reports itself as not running, whether it was stopped
-- or running before; afterwards it is back in its previous state. Memory can be counted.
local log = {}
local mt = {__gc = function(o)
  log[#log + 1] = o.n .. ":" .. tostring(collectgarbage("isrunning")) .. ":" ..
    math.type(collectgarbage("count"))
end}
local function make()
  local all = {}     -- all three become garbage together, when make returns
  for i = 1, 3 do all[i] = setmetatable({n = i}, mt) end
end
collectgarbage("stop")
make()
collectgarbage()
print(table.concat(log, " "), collectgarbage("isrunning"))
log = {}
collectgarbage("restart")
make()
collectgarbage()
print(table.concat(log, " "), collectgarbage("isrunning"))
