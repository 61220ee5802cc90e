-- A finalizer may store its object somewhere reachable: the object is resurrected and stays
-- fully usable, with its fields and metatable, but its finalizer does not run again when it
-- becomes garbage a second time.
local runs = 0
local mt = {__gc = function(o) runs = runs + 1; saved = o end}
mt.__index = {describe = function(self) return "object " .. self.id end}
local function make() setmetatable({id = 42, data = {1, 2, 3}}, mt) end
make()
collectgarbage()
print(runs, saved ~= nil, saved.id, #saved.data, saved:describe(), getmetatable(saved) == mt)
saved.id = 43
print(saved:describe())
saved = nil
collectgarbage()
collectgarbage()
print(runs, saved)
