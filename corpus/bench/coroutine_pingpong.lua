-- Measures: a producer and a consumer handing values back and forth through
-- coroutine.resume and coroutine.yield on explicit coroutine objects.
local producer = coroutine.create(function()
  local x = 0
  while true do
    x = x + 1
    local reply = coroutine.yield(x, 'item')
    if reply == 'stop' then return x end
  end
end)
local total, n = 0, 1000000
for i = 1, n do
  local ok, value, tag = coroutine.resume(producer, i)
  total = (total + value * #tag) % 1000000007
end
local ok, last = coroutine.resume(producer, 'stop')
print('coroutine_pingpong', total, last, coroutine.status(producer))
