-- An object captured as an upvalue lives as long as some closure that captures it; two
-- closures sharing an upvalue keep sharing it across collections.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak = setmetatable({}, {__mode = "v"})
local function make_pair()
  local state = {n = 0}
  weak.state = state
  local function inc() state.n = state.n + 1 return state.n end
  local function get() return state.n end
  return inc, get
end
local inc, get = make_pair()
inc()
collectgarbage()
inc()
collectgarbage()
print(count(weak), inc(), get())
inc = nil
collectgarbage()
print(count(weak), get())
get = nil
collectgarbage()
print(count(weak))
