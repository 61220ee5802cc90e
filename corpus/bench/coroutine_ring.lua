-- Measures: a ring of 200 coroutines resumed in turn, passing a token along, so
-- 200 coroutines stay suspended at once and each resume switches stacks.
local N, passes = 200, 5000
local ring = {}
for i = 1, N do
  ring[i] = coroutine.create(function(token)
    while true do
      token = coroutine.yield(token + i)
    end
  end)
end
local token = 0
for p = 1, passes do
  for i = 1, N do
    local ok, t = coroutine.resume(ring[i], token)
    token = t % 1000003
  end
end
local alive = 0
for i = 1, N do
  if coroutine.status(ring[i]) == 'suspended' then alive = alive + 1 end
end
print('coroutine_ring', token, alive)
