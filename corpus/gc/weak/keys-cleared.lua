-- A table with weak keys loses the entries whose key is collectable and unreachable elsewhere;
-- the value of such an entry goes with it, even when the value is reachable elsewhere.
collectgarbage("stop") -- only explicit collections run, so the counts before them are exact
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak = setmetatable({}, {__mode = "k"})
local held_key, held_value = {}, {}
local function fill()
  for i = 1, 10 do weak[{}] = i end
  weak[held_key] = "held key"
  weak[function() end] = held_value
  weak[{}] = held_value
end
fill()
print("before", count(weak))
collectgarbage()
print("after", count(weak))
print(weak[held_key], held_value ~= nil)
for k, v in pairs(weak) do print(k == held_key, v) end
held_key = nil
collectgarbage()
print("after dropping the last key", count(weak), next(weak))
