-- The locals and arguments of a suspended coroutine, and the values captured by its
-- closures, survive full collections while it is suspended, even when nothing else refers
-- to them.
local function make()
  return coroutine.wrap(function(prefix)
    local big = {}
    for i = 1, 1000 do big[i] = prefix .. i end
    local function last() return big[#big] end
    local s = string.rep("x", 100) .. prefix
    coroutine.yield(#big)
    collectgarbage()
    coroutine.yield(last(), #s)
    return table.concat(big, "", 998, 1000)
  end)
end
local gens = {}
for i = 1, 5 do gens[i] = make() end
for i = 1, 5 do gens[i]("p" .. i .. "_") end
collectgarbage()
collectgarbage()
for i = 1, 5 do print(gens[i]()) end
for _ = 1, 3 do collectgarbage() end
for i = 1, 5 do print(gens[i]()) end
-- a coroutine referenced only by another suspended coroutine's local survives too
local holder = coroutine.wrap(function()
  local inner = coroutine.wrap(function() coroutine.yield("inner 1") coroutine.yield("inner 2") end)
  coroutine.yield(inner())
  collectgarbage()
  coroutine.yield(inner())
end)
print(holder())
collectgarbage()
print(holder())
