-- In a table with weak keys (an ephemeron table), a value that refers to its own key does not
-- keep the key alive: the entry is collected once the key is reachable only through it.
collectgarbage("stop") -- only explicit collections run, so the counts before them are exact
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local eph = setmetatable({}, {__mode = "k"})
local function fill()
  for i = 1, 5 do
    local k = {}
    eph[k] = {key = k, i = i}          -- a table holding the key
  end
  local k = {}
  eph[k] = function() return k end      -- a closure holding the key as an upvalue
  local k2 = {}
  eph[k2] = setmetatable({}, {__index = k2})  -- the key as a metatable field of the value
end
fill()
print("before", count(eph))
collectgarbage()
print("after", count(eph))
local held = {}
eph[held] = {key = held}
collectgarbage()
print("held", count(eph), eph[held].key == held)
held = nil
collectgarbage()
print("released", count(eph))
