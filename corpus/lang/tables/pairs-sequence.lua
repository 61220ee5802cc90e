-- pairs over a pure sequence visits 1..n in order.
local t = {'a', 'b', 'c', 'd', 'e'}
for k, v in pairs(t) do print(k, v) end
local f, s, k = pairs(t)
print(f == next, s == t, k)
