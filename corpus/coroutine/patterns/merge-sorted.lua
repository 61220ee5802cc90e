-- Merging sorted sequences with generators: each input is a coroutine, the merger keeps one
-- lookahead value per input and yields the smallest; it also removes duplicates.
local function from_list(t)
  return coroutine.wrap(function() for _, v in ipairs(t) do coroutine.yield(v) end end)
end
local function merge(...)
  local gens = {...}
  return coroutine.wrap(function()
    local heads = {}
    for i, g in ipairs(gens) do heads[i] = g() end
    while true do
      local best
      for i = 1, #gens do
        if heads[i] ~= nil and (best == nil or heads[i] < heads[best]) then best = i end
      end
      if best == nil then return end
      coroutine.yield(heads[best])
      heads[best] = gens[best]()
    end
  end)
end
local function unique(gen)
  return coroutine.wrap(function()
    local last
    for v in gen do if v ~= last then coroutine.yield(v) end last = v end
  end)
end
local out = {}
for v in merge(from_list({1, 4, 9}), from_list({2, 3, 10, 11}), from_list({}), from_list({0, 4, 4})) do
  out[#out + 1] = v
end
print(table.concat(out, " "))
out = {}
for v in unique(merge(from_list({"apple", "fig"}), from_list({"apple", "banana", "fig", "kiwi"}))) do
  out[#out + 1] = v
end
print(table.concat(out, " "))
