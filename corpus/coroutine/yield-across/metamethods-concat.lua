-- __concat may yield, also in the middle of a chain of several concatenations evaluated right
-- to left, and the partial results are kept across the yields.
local mt = {__concat = function(a, b)
  local sa = type(a) == "table" and "<" .. a.name .. ">" or a
  local sb = type(b) == "table" and "<" .. b.name .. ">" or b
  return coroutine.yield(sa .. "+" .. sb)
end}
local x = setmetatable({name = "x"}, mt)
local y = setmetatable({name = "y"}, mt)
local co = coroutine.wrap(function()
  local s = "a" .. x .. "b" .. y .. "c"
  return "final: " .. s
end)
local out = co()
local i = 0
while not out:find("^final") do
  i = i + 1
  print("yielded", out)
  out = co("R" .. i)
end
print(out)
local w = coroutine.wrap(function() return x .. y end)
print(w())
print(w("joined"))
