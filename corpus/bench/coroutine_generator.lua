-- Measures: coroutine.wrap generators consumed by a generic for loop: one resume
-- and one yield per value, with a few values passed each way.
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i, i % 7) end
  end)
end
local sum, count = 0, 0
for round = 1, 20 do
  for i, r in range(50000) do
    sum = (sum + i * r) % 1000000007
    count = count + 1
  end
end
print('coroutine_generator', count, sum)
