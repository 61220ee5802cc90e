-- Only a table with weak keys and strong values is an ephemeron table: there a value marks
-- the keys it refers to once its own key is marked. In a table with weak keys and weak values
-- a value marks nothing, so a chain through it breaks.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
for _, mode in ipairs({"k", "kv"}) do
  local t = setmetatable({}, {__mode = mode})
  local head = {}
  local function link()
    local b, c = {}, {}
    t[head] = b     -- b is reachable only as this value
    t[b] = c        -- c is reachable only as this value
    t[c] = "end"
  end
  link()
  collectgarbage()
  local n, k = 0, head
  while type(t[k]) == "table" do n = n + 1; k = t[k] end
  print(mode, count(t), n, t[k])
end
