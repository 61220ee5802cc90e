-- A table with weak values loses the entries whose value is collectable and unreachable
-- elsewhere, after a full collection; entries with reachable values stay.
collectgarbage("stop") -- only explicit collections run, so the counts before them are exact
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak = setmetatable({}, {__mode = "v"})
local kept = {}
local function fill()
  for i = 1, 10 do weak[i] = {i} end
  weak.a, weak.b = {"a"}, kept
  weak.f = function() return kept end
end
fill()
print("before", count(weak))
collectgarbage()
print("after", count(weak))
print(weak.b == kept, weak.a, weak.f, weak[1], weak[10])
for i = 1, 3 do weak[i] = {i} end
collectgarbage("collect")
print("refilled then collected", count(weak), weak.b == kept)
