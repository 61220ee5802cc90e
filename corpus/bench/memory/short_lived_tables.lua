-- Measures: whether a loop that creates 10^7 short-lived tables runs in constant memory. Each
-- iteration builds a table with an array part and a hash part, reads it and drops it, so the
-- live heap stays the same from the first iteration to the last; the harness compares the peak
-- heap of the run's first half with its second half.
local iterations = 10000000
local sum = 0
for i = 1, iterations do
  local t = {i, i + 1, key = i}
  sum = sum + t[2] - t.key
end
print('short_lived_tables', iterations, sum)
