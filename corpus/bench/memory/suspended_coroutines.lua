-- Measures: the memory of 100,000 suspended coroutines, each stopped at its first yield with
-- one local and one upvalue, all kept alive in a table. The peak heap over 100,000 is the cost
-- of one suspended coroutine (its state, stack, call frames, closure and upvalue), the figure
-- the coroutine issue asks to report.
local n = 100000
local threads = {}
for i = 1, n do
  local co = coroutine.create(function(x)
    local y = x + i
    coroutine.yield(y)
    return y
  end)
  coroutine.resume(co, i)
  threads[i] = co
end
local alive = 0
for i = 1, n do
  if coroutine.status(threads[i]) == 'suspended' then alive = alive + 1 end
end
print('suspended_coroutines', alive)
