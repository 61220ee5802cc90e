-- A chain of ephemerons: each value is the next entry's key. Holding the first key keeps the
-- whole chain; releasing it frees every link. The chain is built both forwards and backwards,
-- so that the collector needs several passes over the table to mark it.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local function build(eph, n, backwards)
  local keys = {}
  for i = 1, n + 1 do keys[i] = {i = i} end
  local first, last, step = 1, n, 1
  if backwards then first, last, step = n, 1, -1 end
  for i = first, last, step do eph[keys[i]] = keys[i + 1] end
  return keys[1]
end
for _, backwards in ipairs({false, true}) do
  local eph = setmetatable({}, {__mode = "k"})
  local head = build(eph, 50, backwards)
  collectgarbage()
  local n, k = 0, head
  while eph[k] do n = n + 1; k = eph[k] end
  print(backwards and "backwards" or "forwards", count(eph), n, k.i)
  head = nil
  collectgarbage()
  print("released", count(eph))
end
