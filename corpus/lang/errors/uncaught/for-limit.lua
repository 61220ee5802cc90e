-- An uncaught 'for' limit error.
local function count_to(limit)
  local n = 0
  for i = 1, limit do n = n + 1 end
  return n
end
print(count_to(3))
count_to('three')
