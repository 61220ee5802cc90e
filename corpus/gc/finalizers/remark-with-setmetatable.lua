-- A resurrected object is no longer marked for finalization; setmetatable marks it again (when
-- the metatable has __gc), and then its finalizer runs at the next collection that finds it
-- unreachable. Resurrecting it every time makes it run every time.
collectgarbage("stop")
local log = {}
local mt = {}
mt.__gc = function(o)
  log[#log + 1] = o.n
  o.n = o.n + 1
  if o.n <= 3 then setmetatable(o, mt) end   -- re-mark for the next collection
end
local function make() setmetatable({n = 1}, mt) end
make()
for i = 1, 5 do collectgarbage() end
print(table.concat(log, " "))
-- Resurrected and stored, then re-marked from outside.
log = {}
local keep
local mt2 = {__gc = function(o) log[#log + 1] = "fin" .. o.id; keep = o end}
local function make2() setmetatable({id = 1}, mt2) end
make2()
collectgarbage()
keep.id = 2
setmetatable(keep, mt2)
keep = nil
collectgarbage()
keep = nil
collectgarbage()
print(table.concat(log, " "), keep)
