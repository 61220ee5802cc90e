-- Finalizers run in the reverse order in which their objects were marked for finalization,
-- that is of the setmetatable calls, whatever the order of creation. The collector is stopped,
-- so that no automatic cycle finalizes some of the objects before the explicit collections.
collectgarbage("stop")
local log = {}
local mt = {__gc = function(o) log[#log + 1] = o.name end}
local function release_in_order(names)
  local made = {}
  for _, name in ipairs(names) do made[name] = {name = name} end
  for i = #names, 1, -1 do setmetatable(made[names[i]], mt) end  -- marked last to first
end
release_in_order({"a", "b", "c", "d", "e"})
collectgarbage()
print(table.concat(log, " "))
log = {}
local function created_then_marked()
  local x, y, z = {name = "x"}, {name = "y"}, {name = "z"}
  setmetatable(y, mt); setmetatable(z, mt); setmetatable(x, mt)
end
created_then_marked()
collectgarbage()
print(table.concat(log, " "))
log = {}
local function numbered() for i = 1, 10 do setmetatable({name = i}, mt) end end
numbered()
collectgarbage()
print(table.concat(log, " "))
