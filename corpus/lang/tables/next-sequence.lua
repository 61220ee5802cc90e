-- next walks a sequence in index order.
local t = {10, 20, 30}
local k, v = next(t)
while k do
  print(k, v)
  k, v = next(t, k)
end
print(next({}), next(t, 3))
print(select('#', next({})))
