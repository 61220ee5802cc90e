-- The same-fringe problem: two trees have the same leaves in the same order exactly when two
-- leaf generators, advanced in step, give the same sequence. The comparison stops at the first
-- difference without walking the rest.
local visited = 0
local function fringe(tree)
  return coroutine.wrap(function()
    local function walk(t)
      if type(t) == "table" then
        for _, c in ipairs(t) do walk(c) end
      else
        visited = visited + 1
        coroutine.yield(t)
      end
    end
    walk(tree)
    coroutine.yield(nil)
  end)
end
local function same_fringe(t1, t2)
  local g1, g2 = fringe(t1), fringe(t2)
  while true do
    local a, b = g1(), g2()
    if a ~= b then return false, a, b end
    if a == nil then return true end
  end
end
local function report(...)
  local r = table.pack(...)
  r[r.n + 1] = "visited " .. visited
  visited = 0
  print(table.unpack(r, 1, r.n + 1))
end
report(same_fringe({1, {2, 3}, {{4}}}, {{1, 2}, {3, {4}}}))
report(same_fringe({1, {2, 3}}, {1, {2, 3, 4}}))
report(same_fringe({1, {2, 9, 5, 6, 7, 8}}, {{1}, 2, 3, 5, 6, 7, 8}))
report(same_fringe({}, {{}, {{}}}))
