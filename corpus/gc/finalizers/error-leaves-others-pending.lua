-- An error in one finalizer stops the collection there: finalizers already run stay run, the
-- others wait, and the next collectgarbage runs them before starting its own cycle.
collectgarbage("stop")
local log = {}
local function make(name, fails)
  setmetatable({}, {__gc = function()
    log[#log + 1] = name
    if fails then error(name .. " failed", 0) end
  end})
end
local function make_all()
  make("first")            -- marked first, finalized last
  make("second", true)
  make("third")            -- marked last, finalized first
end
make_all()
print(pcall(collectgarbage))
print(table.concat(log, " "))
print(pcall(collectgarbage))
print(table.concat(log, " "))
