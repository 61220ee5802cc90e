-- A long ephemeron chain inserted in a scrambled order, with keys of several object types
-- (tables, closures, coroutines): the collector must keep iterating until no new key is
-- marked. Every link survives while the head is held, none after.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local n = 300
local eph = setmetatable({}, {__mode = "k"})
local function make_key(i)
  if i % 3 == 0 then return {i} end
  if i % 3 == 1 then return function() return i end end
  return coroutine.create(function() return i end)
end
local function build()
  local keys = {}
  for i = 1, n + 1 do keys[i] = make_key(i) end
  local order, x = {}, 7
  for i = 1, n do order[i] = i end
  for i = n, 2, -1 do            -- a fixed shuffle from a small linear congruential generator
    x = (x * 1103515245 + 12345) % 2147483648
    local j = x % i + 1
    order[i], order[j] = order[j], order[i]
  end
  for _, i in ipairs(order) do eph[keys[i]] = keys[i + 1] end
  return keys[1]
end
local head = build()
collectgarbage()
local links, k = 0, head
while eph[k] ~= nil do links = links + 1; k = eph[k] end
print(count(eph), links)
head, k = nil, nil
collectgarbage()
print(count(eph))
