-- A table whose keys and values are both weak loses an entry when either its key or its value
-- is collected; an entry survives only when both are reachable or not collectable.
collectgarbage("stop") -- only explicit collections run, so the counts before them are exact
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak = setmetatable({}, {__mode = "kv"})
local k1, v1 = {}, {}
local function fill()
  weak[k1] = v1            -- both reachable: stays
  weak[{}] = v1            -- key unreachable: goes
  weak.strong = {}         -- value unreachable: goes
  weak[1] = "one"          -- neither collectable: stays
  weak[{}] = {}            -- both unreachable: goes
  weak[2] = k1             -- value reachable: stays
end
fill()
print("before", count(weak))
collectgarbage()
print("after", count(weak))
print(weak[k1] == v1, weak[1], weak[2] == k1, weak.strong)
v1 = nil
collectgarbage()
print("value dropped", count(weak), weak[k1])
k1 = nil
collectgarbage()
print("key dropped", count(weak), weak[1], weak[2])
