-- Objects with finalizers that refer to one another, in a chain or in a cycle, are all
-- finalized in one collection, still newest-marked first; each finalizer sees the objects it
-- refers to intact, even those whose own finalizer already ran.
collectgarbage("stop")
local log = {}
local mt = {__gc = function(o)
  local other = o.other
  log[#log + 1] = o.name .. "->" .. (other and other.name .. ":" .. tostring(other.alive) or "none")
  o.alive = false
end}
local function make(name, other)
  return setmetatable({name = name, other = other, alive = true}, mt)
end
local function chain()
  local a = make("a")
  local b = make("b", a)
  make("c", b)
end
chain()
collectgarbage()
print(table.concat(log, " "))
log = {}
local function cycle()
  local x = make("x")
  local y = make("y", x)
  x.other = y
end
cycle()
collectgarbage()
print(table.concat(log, " "))
