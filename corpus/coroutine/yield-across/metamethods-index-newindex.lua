-- __index and __newindex functions may yield; the resume value becomes the indexed value,
-- and the assignment completes after the resume. Chains through several metatables work too.
local store = {}
local proxy = setmetatable({}, {
  __index = function(t, k) return coroutine.yield("get " .. k) end,
  __newindex = function(t, k, v)
    local ok = coroutine.yield("set " .. k .. "=" .. tostring(v))
    if ok then store[k] = v end
  end,
})
local chained = setmetatable({}, {__index = setmetatable({}, {__index = proxy})})
local co = coroutine.wrap(function()
  local a = proxy.alpha
  proxy.beta = a .. "!"
  proxy.gamma = "dropped"
  local c = chained.delta
  local d = proxy[1] + proxy[2]
  return a, c, d
end)
print(co())
print(co("A"))
print(co(true))
print(co(false))
print(co("D"))
print(co(20))
print(co(22))
print(store.beta, store.gamma)
-- method calls through a yielding __index
local obj = setmetatable({}, {__index = function(t, name)
  local f = coroutine.yield("lookup " .. name)
  return f
end})
local m = coroutine.wrap(function() return obj:greet("world") end)
print(m())
print(m(function(self, who) return "hello " .. who end))
