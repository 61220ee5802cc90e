-- A suspended coroutine that nothing refers to is collected with everything only it holds;
-- objects with finalizers in its locals are finalized. One that is still referenced keeps
-- them.
collectgarbage("stop")
local weak = setmetatable({}, {__mode = "v"})
local log = {}
local mt = {__gc = function(o) log[#log + 1] = o.name end}
local function spawn(name)
  local co = coroutine.wrap(function()
    local held = setmetatable({name = name}, mt)
    weak[name] = held
    coroutine.yield()
    return held
  end)
  co()
  weak[name .. " coroutine"] = co
  return co
end
local kept = spawn("kept")
spawn("dropped")
collectgarbage()
print(table.concat(log, " "), weak.dropped, weak["dropped coroutine"])
print(weak.kept.name, weak["kept coroutine"] == kept)
print(kept().name)
kept = nil
collectgarbage()
print(table.concat(log, " "), weak.kept)
