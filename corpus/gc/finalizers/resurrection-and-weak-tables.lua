-- A resurrected object is cleared from weak values before its finalizer runs, but as a key of
-- a weak-keyed table it stays: it is reachable again, so the entry survives later collections.
collectgarbage("stop")
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak_keys = setmetatable({}, {__mode = "k"})
local weak_values = setmetatable({}, {__mode = "v"})
local function make()
  local o = setmetatable({name = "phoenix"}, {__gc = function(o) revived = o end})
  weak_keys[o] = "entry"
  weak_values[1] = o
end
make()
collectgarbage()
print(revived.name, weak_keys[revived], weak_values[1])
collectgarbage()
collectgarbage()
print(count(weak_keys), weak_keys[revived], count(weak_values))
weak_values[1] = revived
revived = nil
collectgarbage()
print(count(weak_keys), count(weak_values))
