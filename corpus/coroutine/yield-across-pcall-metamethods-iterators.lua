local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co), coroutine.resume(co))
-- generators via wrap
local function gen(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
for v in gen(3) do print(v) end
-- yield across pcall
local co2 = coroutine.wrap(function()
  local ok, v = pcall(function() local x = coroutine.yield("in pcall"); error("boom " .. x) end)
  print("pcall result", ok, v)
  local ok2, v2 = pcall(function() return coroutine.yield("again") end)
  return ok2, v2
end)
print(co2()); print(co2("X")); print(co2("Y"))
-- yield inside metamethods
local mt = {__add = function(a, b) return coroutine.yield("add") end, __index = function(t, k) return coroutine.yield("index " .. k) end,
  __lt = function(a, b) return coroutine.yield("lt") end, __le = nil, __concat = function(a, b) return coroutine.yield("concat") end}
local obj = setmetatable({}, mt)
local co3 = coroutine.wrap(function()
  local s = obj + 1; print("sum", s)
  local v = obj.foo; print("index", v)
  if obj < obj then print("lt true") else print("lt false") end
  if obj <= obj then print("le true") else print("le false") end
  local c = "a" .. obj .. "b"; print("concat", c)
  for k in function() return coroutine.yield("iter") end do print("iter k", k) break end
  return "done"
end)
print(co3()); print(co3(42)); print(co3("V")); print(co3(true)); print(co3(true)); print(co3("C1")); print(co3("C2")); print(co3("K")) print(pcall(co3))
-- errors
print(coroutine.resume(coroutine.create(function() error("oops") end)))
print(coroutine.resume(coroutine.create(function() error({}) end)))
print(pcall(coroutine.yield, 1))
print(coroutine.isyieldable(), coroutine.running())
local co4 = coroutine.create(function() print(coroutine.isyieldable(), select(2, coroutine.running())); print(pcall(table.sort, {3,2,1}, function(a, b) coroutine.yield() end)) end)
print(coroutine.resume(co4))
print(pcall(coroutine.wrap(function() error("werr") end)))
print(coroutine.resume(coroutine.running()))
local dead = coroutine.create(function() end); coroutine.resume(dead); print(coroutine.resume(dead))
print(pcall(coroutine.status, 1))
-- upvalues shared across threads
local shared = 0
local co5 = coroutine.wrap(function() shared = shared + 1; coroutine.yield(); shared = shared + 10 end)
co5(); print(shared); co5(); print(shared)
local function outer() local x = 1; local co = coroutine.wrap(function() x = x + 1; coroutine.yield(x); x = x * 10; return x end); print(co()); print(x); print(co()); print(x) end
outer()
