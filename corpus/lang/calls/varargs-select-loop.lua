-- Iterating varargs with select.
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    s = s + (v or 0)
  end
  return s
end
print(sum(), sum(1), sum(1, 2, 3, nil, 5))
local function last(...) return (select(-1, ...)) end
print(last(1, 2, 3), last('only'))
