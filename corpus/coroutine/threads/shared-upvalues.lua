-- A coroutine and the function that created it share upvalues: writes on either side are
-- seen by the other, even while the coroutine is suspended, and by closures created inside
-- the coroutine after it finished.
local function make()
  local count = 0
  local getters = {}
  local co = coroutine.create(function()
    while count < 3 do
      count = count + 1
      getters[#getters + 1] = function() return count end
      coroutine.yield(count)
    end
    return "done at " .. count
  end)
  return co, function() return count end, function(v) count = v end, getters
end
local co, get, set, getters = make()
print("resume", coroutine.resume(co))
print("creator sees", get())
set(0)
print("resume after set(0)", coroutine.resume(co))
set(2)
print("resume after set(2)", coroutine.resume(co))
print("resume", coroutine.resume(co))
print(coroutine.status(co), get(), #getters, getters[1](), getters[#getters]())
set(-5)
print("all closures share it", getters[1](), getters[2](), getters[3]())
-- two coroutines sharing one upvalue alternate on it
local shared = {}
local a = coroutine.wrap(function() for i = 1, 3 do shared[#shared + 1] = "a" .. i; coroutine.yield() end end)
local b = coroutine.wrap(function() for i = 1, 3 do shared[#shared + 1] = "b" .. i; coroutine.yield() end end)
for _ = 1, 3 do a() b() end
print(table.concat(shared, " "))
