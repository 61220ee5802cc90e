-- Debug hooks are not called while a finalizer runs: a call hook sees calls made before and
-- after the collection, but none of those made by the finalizer.
collectgarbage("stop")
local in_finalizer = false
local hooked_inside, hooked_outside = 0, 0
local function work() return 1 end
local function make()
  setmetatable({}, {__gc = function()
    in_finalizer = true
    for i = 1, 5 do work() end
    in_finalizer = false
  end})
end
make()
debug.sethook(function()
  if in_finalizer then
    hooked_inside = hooked_inside + 1
  else
    hooked_outside = hooked_outside + 1
  end
end, "c")
work()
collectgarbage()
work()
debug.sethook()
print(hooked_inside, hooked_outside > 0, in_finalizer)
