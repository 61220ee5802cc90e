-- coroutine.isyieldable is true only where a yield would succeed: inside a coroutine and
-- not under a C function that cannot be continued.
print("main", coroutine.isyieldable())
print("main pcall", pcall(coroutine.isyieldable))
local mt = {
  __index = function(t, k) return coroutine.isyieldable() end,
  __add = function(a, b) return coroutine.isyieldable() end,
  __tostring = function() return tostring(coroutine.isyieldable()) end,
}
local obj = setmetatable({}, mt)
local co = coroutine.create(function()
  print("coroutine", coroutine.isyieldable())
  print("pcall", pcall(coroutine.isyieldable))
  print("xpcall", xpcall(coroutine.isyieldable, print))
  print("pcall in pcall", pcall(pcall, coroutine.isyieldable))
  print("__index", obj.x)
  print("__add", obj + 1)
  print("__tostring", tostring(obj))
  local in_sort
  table.sort({2, 1}, function(a, b) in_sort = coroutine.isyieldable() return a < b end)
  print("sort comparator", in_sort)
  local in_gsub
  string.gsub("a", "a", function() in_gsub = coroutine.isyieldable() end)
  print("gsub callback", in_gsub)
  local in_reader
  load(function() in_reader = coroutine.isyieldable() return nil end)
  print("load reader", in_reader)
  local calls = 0
  for k in function() calls = calls + 1 if calls == 1 then return coroutine.isyieldable() end end do
    print("iterator", k)
  end
  local w = coroutine.wrap(function() return coroutine.isyieldable() end)
  print("nested wrap", w())
  coroutine.yield()
  print("after yield", coroutine.isyieldable())
end)
coroutine.resume(co)
coroutine.resume(co)
print("main again", coroutine.isyieldable())
