-- The key of an ephemeron entry that is being finalized keeps its entry, and the value it
-- maps to, during its finalizer and until the next collection; then the entry goes.
collectgarbage("stop")
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local eph = setmetatable({}, {__mode = "k"})
local seen = {}
local function make()
  local key = setmetatable({}, {__gc = function(o)
    local value = eph[o]
    seen[#seen + 1] = tostring(value and value.v) .. " " .. tostring(value and value.back == o)
  end})
  eph[key] = {v = "value", back = key}
end
make()
collectgarbage()
print(table.concat(seen, " "), count(eph))
collectgarbage()
print(count(eph))
