-- A finalizer may itself call collectgarbage(): the inner collection first runs the finalizers
-- still pending from the outer one, then a cycle of its own, and returns 0; the outer
-- collection then finishes normally.
collectgarbage("stop")
local log = {}
local function make(name, collects)
  setmetatable({}, {__gc = function()
    log[#log + 1] = name
    if collects then
      local result = collectgarbage()
      log[#log + 1] = "inner collection returned " .. result
    end
  end})
end
local function make_all() make("a") make("b", true) make("c") end
make_all()
print(collectgarbage())
print(table.concat(log, ", "))
log = {}
local function make_more() make("x") make("y", true) end
make_more()
collectgarbage()
collectgarbage()
print(table.concat(log, ", "))
