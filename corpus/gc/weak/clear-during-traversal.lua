-- A full collection in the middle of a `pairs` traversal of a weak table clears entries that
-- were not visited yet; the traversal goes on without error ("invalid key to 'next'" would be
-- wrong), and the entry of the current key, held by the loop, stays.
collectgarbage("stop") -- only explicit collections run, so every count is exact
local weak_values = setmetatable({}, {__mode = "v"})
local function fill_values() for i = 1, 20 do weak_values[i] = {} end end
fill_values()
local seen, non_nil = 0, 0
for k, v in pairs(weak_values) do
  if seen == 0 then collectgarbage() end
  seen = seen + 1
  if weak_values[k] ~= nil then non_nil = non_nil + 1 end
end
print("weak values", seen, non_nil)

local weak_keys = setmetatable({}, {__mode = "k"})
local held = {}
local function fill_keys()
  for i = 1, 10 do held[i] = {} weak_keys[held[i]] = i end
  for i = 11, 20 do weak_keys[{}] = i end
end
fill_keys()
seen = 0
local sum = 0
for k, v in pairs(weak_keys) do
  if seen == 0 then collectgarbage() end
  seen = seen + 1
  sum = sum + v
end
print("weak keys", seen >= 10 and seen <= 11, sum >= 55)
collectgarbage()
local left = 0
for _, v in pairs(weak_keys) do left = left + 1 assert(v <= 10) end
print("left", left)
