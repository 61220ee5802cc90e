-- __len and __call may yield. A __call handler is an ordinary Lua call, so a yield inside it
-- works like any yield; __len's resume value is the length as given, not truncated.
local sized = setmetatable({}, {__len = function(t) return coroutine.yield("len?") end})
local callable = setmetatable({}, {__call = function(self, a, b)
  local extra = coroutine.yield("called with " .. a .. "," .. b)
  return a + b + extra
end})
local co = coroutine.wrap(function()
  local n = #sized
  local m = #sized
  local r = callable(1, 2)
  local r2 = callable(10, 20) * 2
  return n, m, r, r2
end)
print(co())
print(co(5))
print(co("five"))
print(co(100))
print(co(0.5))
-- a callable object used as a generic-for iterator
local counter = setmetatable({n = 0}, {__call = function(self)
  self.n = self.n + 1
  if self.n <= 3 then return coroutine.yield(self.n) end
end})
local w = coroutine.wrap(function()
  local seen = {}
  for v in counter do seen[#seen + 1] = v end
  return table.concat(seen, ",")
end)
print(w())
print(w("a"))
print(w("b"))
print(w("c"))
