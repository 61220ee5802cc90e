-- An entry of an ephemeron table goes when its key is collected, even when its value is still
-- reachable elsewhere; the value itself lives on.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local eph = setmetatable({}, {__mode = "k"})
local value = {name = "shared value"}
local function fill()
  eph[{}] = value
  eph[{}] = value
  eph[function() end] = value
end
fill()
collectgarbage()
print(count(eph), value.name)
-- A key reachable from a strong table's value keeps its entry.
local strong = {}
local function fill_reachable()
  local k = {}
  strong[1] = {inner = {k}}
  eph[k] = value
end
fill_reachable()
collectgarbage()
print(count(eph), eph[strong[1].inner[1]] == value)
strong[1] = nil
collectgarbage()
print(count(eph))
