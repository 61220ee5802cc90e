-- A finalizer may allocate: new tables, strings, closures, and new objects with finalizers of
-- their own. Those are not collected by the collection that runs the finalizer, only by a
-- later one.
collectgarbage("stop")
local log = {}
local made = {}
local mt = {}
mt.__gc = function(o)
  log[#log + 1] = "fin " .. o.gen
  local junk = {}
  for i = 1, 100 do junk[i] = {tostring(i) .. "x"} end
  if o.gen < 3 then
    made[#made + 1] = setmetatable({gen = o.gen + 1}, mt)  -- kept by `made`
    setmetatable({gen = o.gen + 1}, mt)                    -- garbage right away
  end
end
local function start() setmetatable({gen = 1}, mt) end
start()
for i = 1, 4 do
  collectgarbage()
  print(i, table.concat(log, " "), #made)
  log = {}
end
made = {}
collectgarbage()
collectgarbage()
print(table.concat(log, " "))
