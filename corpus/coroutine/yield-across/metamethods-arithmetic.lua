-- Arithmetic and bitwise metamethods may yield; the value given to the next resume becomes
-- the result of the operation.
local mt = {}
for _, ev in ipairs({"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv",
                     "band", "bor", "bxor", "shl", "shr", "bnot"}) do
  mt["__" .. ev] = function(a, b)
    return coroutine.yield(ev)
  end
end
local v = setmetatable({}, mt)
local co = coroutine.wrap(function()
  local results = {
    v + 1, 2 - v, v * v, v / 2, v % 3, 2 ^ v, -v, v // 4,
    v & 1, 1 | v, v ~ v, v << 1, v >> 2, ~v,
  }
  return table.concat(results, " ")
end)
local event = co()
for n = 1, 14 do
  print(n, event)
  event = co(n * 10)
end
print("results", event)
-- a metamethod that yields more than once before returning
local twice = setmetatable({}, {__add = function(a, b)
  local x = coroutine.yield("first half")
  local y = coroutine.yield("second half")
  return x + y + b
end})
local w = coroutine.wrap(function() return twice + 100 end)
print(w())
print(w(1))
print(w(2))
