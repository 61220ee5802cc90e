-- A suspended coroutine keeps everything its stack refers to: its locals, its arguments and
-- the values it yielded, across any number of collections, until it resumes and finishes.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak = setmetatable({}, {__mode = "v"})
local co = coroutine.create(function(arg)
  local here = {name = "local"}
  weak.arg, weak.here = arg, here
  local nested = function() return here.name end
  weak.closure = nested
  local got = coroutine.yield()
  weak.got = got
  coroutine.yield()
  return here.name .. " " .. arg.name .. " " .. nested() .. " " .. got.name
end)
local function start() coroutine.resume(co, {name = "argument"}) end
start()
for i = 1, 3 do collectgarbage() end
print(count(weak), coroutine.status(co))
local function resume_with_value() coroutine.resume(co, {name = "resume value"}) end
resume_with_value()
collectgarbage()
print(count(weak))
print(coroutine.resume(co))
print(coroutine.status(co))
