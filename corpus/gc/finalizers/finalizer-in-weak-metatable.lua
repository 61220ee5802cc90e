-- Values of weak tables are cleared before finalizers run, so a __gc function reachable only
-- as a weak value of its own metatable is gone when the object is finalized: nothing runs.
-- A weak-valued table reachable only from the dying object is empty in its finalizer.
collectgarbage("stop")
local ran = "nothing ran"
local function make()
  local u = setmetatable({}, {__gc = true})
  setmetatable(getmetatable(u), {__mode = "v"})
  getmetatable(u).__gc = function() ran = "the weak __gc ran" end
end
make()
collectgarbage()
print(ran)
local result
local function make2()
  local u = setmetatable({}, {__gc = true})
  local m = getmetatable(u)
  m.x = setmetatable({[{0}] = 1, [0] = {1}, [1] = "kept"}, {__mode = "kv"})
  m.__gc = function(o)
    local x = getmetatable(o).x
    result = tostring(next(x)) .. " " .. tostring(x[0]) .. " " .. tostring(x[1])
  end
end
make2()
collectgarbage()
print(result)
