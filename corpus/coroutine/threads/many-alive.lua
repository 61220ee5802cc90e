-- Thousands of coroutines suspended at once, each with its own locals, resumed in different
-- orders; collections in between do not disturb them.
local N = 2000
local cos = {}
for i = 1, N do
  cos[i] = coroutine.create(function(seed)
    local acc = seed
    while true do
      local delta = coroutine.yield(acc)
      if delta == nil then return "final " .. acc end
      acc = acc + delta
    end
  end)
end
local sum = 0
for i = 1, N do local _, v = coroutine.resume(cos[i], i) sum = sum + v end
print("started", sum)
collectgarbage()
sum = 0
for i = N, 1, -1 do local _, v = coroutine.resume(cos[i], i) sum = sum + v end
print("backwards", sum)
sum = 0
for i = 1, N, 7 do local _, v = coroutine.resume(cos[i], 1000) sum = sum + v end
print("every seventh", sum)
collectgarbage()
local finished, suspended = 0, 0
for i = 1, N do
  if i % 2 == 0 then coroutine.resume(cos[i], nil) end
  if coroutine.status(cos[i]) == "dead" then finished = finished + 1 else suspended = suspended + 1 end
end
print("finished", finished, "suspended", suspended)
print(coroutine.resume(cos[3], 0))
print(coroutine.resume(cos[4]))
