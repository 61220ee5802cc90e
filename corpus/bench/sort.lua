-- Measures: a quicksort and a heapsort written in Lua (not table.sort) over
-- arrays filled by a linear congruential generator.
local function lcg_array(n, seed)
  local t, x = {}, seed
  for i = 1, n do
    x = (x * 1103515245 + 12345) % 2147483648
    t[i] = x % 1000000
  end
  return t
end
local function quicksort(t, lo, hi)
  while lo < hi do
    local p = t[(lo + hi) // 2]
    local i, j = lo, hi
    while i <= j do
      while t[i] < p do i = i + 1 end
      while t[j] > p do j = j - 1 end
      if i <= j then t[i], t[j] = t[j], t[i]; i = i + 1; j = j - 1 end
    end
    if j - lo < hi - i then quicksort(t, lo, j); lo = i
    else quicksort(t, i, hi); hi = j end
  end
end
local function heapsort(t, n)
  local function sift(start, stop)
    local root = start
    while 2 * root <= stop do
      local child = 2 * root
      if child < stop and t[child] < t[child + 1] then child = child + 1 end
      if t[root] < t[child] then t[root], t[child] = t[child], t[root]; root = child
      else return end
    end
  end
  for start = n // 2, 1, -1 do sift(start, n) end
  for stop = n, 2, -1 do t[1], t[stop] = t[stop], t[1]; sift(1, stop - 1) end
end
local function check(t)
  local sum = 0
  for i = 1, #t do
    if i > 1 and t[i - 1] > t[i] then return -1 end
    sum = (sum * 31 + t[i]) % 1000000007
  end
  return sum
end
local N = 250000
local a = lcg_array(N, 42)
quicksort(a, 1, N)
local b = lcg_array(N, 7)
heapsort(b, N)
print('sort', check(a), check(b), a[1], a[N], b[N // 2])
