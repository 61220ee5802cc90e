-- Coroutines resuming coroutines a hundred levels deep: a value yielded at the bottom comes
-- back through every level, each level sees its resumers as normal, and every level can be
-- resumed again later in order.
local chain = {}
local function level(n)
  chain[n] = coroutine.running()
  if n == 100 then
    local normal = 0
    for i = 1, 99 do if coroutine.status(chain[i]) == "normal" then normal = normal + 1 end end
    print("normal resumers", normal, coroutine.status(chain[100]))
    local v = coroutine.yield("bottom")
    return "resumed bottom with " .. v
  end
  local child = coroutine.create(level)
  local ok, v = coroutine.resume(child, n + 1)
  assert(ok, v)
  local again = coroutine.yield(v)
  local ok2, v2 = coroutine.resume(child, again)
  return v2
end
local top = coroutine.create(level)
print(coroutine.resume(top, 1))
local suspended = 0
for i = 1, 100 do if coroutine.status(chain[i]) == "suspended" then suspended = suspended + 1 end end
print("suspended after first pass", suspended)
print(coroutine.resume(top, "X"))
local dead = 0
for i = 1, 100 do if coroutine.status(chain[i]) == "dead" then dead = dead + 1 end end
print("dead at the end", dead)
