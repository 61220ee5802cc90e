-- Entries of a weak table stay as long as their objects are reachable in any way: from a
-- local, a global, an upvalue, a field of another table, or as the metatable of a live table.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak = setmetatable({}, {__mode = "v"})
local from_local = {}
from_global = {}
local from_upvalue = {}
local function user() return from_upvalue end
local holder = {inner = {}}
local with_mt = setmetatable({}, {})
weak[1], weak[2], weak[3], weak[4] = from_local, from_global, from_upvalue, holder.inner
weak[5] = getmetatable(with_mt)
weak[6] = user
weak[7] = {}
collectgarbage()
print(count(weak), weak[7])
print(weak[1] == from_local, weak[2] == from_global, weak[3] == user(), weak[4] == holder.inner,
  weak[5] == getmetatable(with_mt), weak[6] == user)
from_global, holder.inner = nil, nil
collectgarbage()
print(count(weak), weak[2], weak[4])
with_mt = nil
collectgarbage()
print(count(weak), weak[5])
user, from_upvalue = nil, nil
collectgarbage()
print(count(weak), weak[3], weak[6], weak[1] == from_local)
