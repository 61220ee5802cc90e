-- The __mode field is read when the collector traverses the table, not when setmetatable is
-- called: setting it later makes the table weak, and removing it makes the table strong again.
collectgarbage("stop") -- only explicit collections run, so every count is exact
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local mt = {}
local t = setmetatable({}, mt)
local function fill(n) for i = 1, n do t[i] = {} end end
fill(4)
collectgarbage()
print("no mode", count(t))
mt.__mode = "v"
collectgarbage()
print("mode set afterwards", count(t))
fill(4)
mt.__mode = nil
collectgarbage()
print("mode removed", count(t))
-- A table can be its own metatable.
local self_weak = {}
self_weak.__mode = "k"
setmetatable(self_weak, self_weak)
self_weak[{}] = 1
self_weak[{}] = 2
collectgarbage()
print("own metatable", count(self_weak), self_weak.__mode)
