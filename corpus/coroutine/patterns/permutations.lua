-- The permutation generator from "Programming in Lua": a recursive function yields each
-- permutation from deep inside its recursion, and wrap turns it into an iterator.
local function permgen(a, n)
  n = n or #a
  if n <= 1 then
    coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
for p in permutations({"a", "b", "c"}) do print(table.concat(p, " ")) end
local count, seen, dup = 0, {}, false
for p in permutations({1, 2, 3, 4, 5}) do
  local key = table.concat(p)
  if seen[key] then dup = true end
  seen[key] = true
  count = count + 1
end
print("5 elements", count, "duplicates", dup)
-- combinations of k out of n, also recursive
local function combinations(n, k)
  return coroutine.wrap(function()
    local chosen = {}
    local function rec(start, depth)
      if depth > k then coroutine.yield(table.concat(chosen, ",")) return end
      for i = start, n do
        chosen[depth] = i
        rec(i + 1, depth + 1)
      end
      chosen[depth] = nil
    end
    rec(1, 1)
  end)
end
for c in combinations(5, 3) do print(c) end
