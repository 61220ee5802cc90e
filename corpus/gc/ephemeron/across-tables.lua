-- Ephemerons spread over several tables: a key of one table is reachable only through a value
-- of another. The entries stay while the first key is held, in any order of the tables, and
-- all go when it is released.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local e1 = setmetatable({}, {__mode = "k"})
local e2 = setmetatable({}, {__mode = "k"})
local e3 = setmetatable({}, {__mode = "k"})
local root = {}
local function link()
  local a, b, c = {"a"}, {"b"}, {"c"}
  e3[c] = "end of the chain"
  e2[b] = c
  e1[a] = b
  e3[root] = a          -- the chain starts in the last table and goes back to the first
  e2[{}] = c            -- an unreachable key, whose value is reachable
end
link()
collectgarbage()
print(count(e1), count(e2), count(e3))
local a = e3[root]
print(a[1], e1[a][1], e2[e1[a]][1], e3[e2[e1[a]]])
a = nil
root = nil
collectgarbage()
print(count(e1), count(e2), count(e3))
