-- An object being finalized, and everything reachable only from it, is removed from tables
-- with weak values before its finalizer runs, but stays as a key of tables with weak keys
-- until the next collection (as in the official gc.lua).
collectgarbage("stop")
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak_values = setmetatable({}, {__mode = "v"})
local weak_keys = setmetatable({}, {__mode = "k"})
local seen = {}
local function make()
  local inner = {x = 10}
  local o = setmetatable({inner = inner}, {__gc = function(o)
    seen[#seen + 1] = tostring(weak_values.obj) .. " " .. tostring(weak_values.inner)
    seen[#seen + 1] = tostring(weak_keys[o]) .. " " .. tostring(weak_keys[o.inner])
    seen[#seen + 1] = tostring(o.inner.x)
  end})
  weak_values.obj, weak_values.inner = o, inner
  weak_keys[o], weak_keys[inner] = "key o", "key inner"
end
make()
collectgarbage()
print(table.concat(seen, " | "))
print("after the first collection", count(weak_values), count(weak_keys))
collectgarbage()
print("after the second collection", count(weak_values), count(weak_keys))
