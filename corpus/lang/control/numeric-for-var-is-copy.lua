-- Changing the loop variable does not affect the iteration.
for i = 1, 3 do
  local before = i
  i = i * 10
  print(before, i)
end
local limit = 3
for i = 1, limit do limit = 10 end
print(limit)
