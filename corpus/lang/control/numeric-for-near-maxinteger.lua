-- In 5.3.6 an integer loop whose limit is maxinteger never ends: the
-- counter wraps around to mininteger, which is still <= the limit.
-- A guard counter breaks out after a few steps to show the wrap.
local n = 0
for i = math.maxinteger - 2, math.maxinteger do
  print(i)
  n = n + 1
  if n == 5 then break end
end
n = 0
for i = math.mininteger + 2, math.mininteger, -1 do
  print('down', i)
  n = n + 1
  if n == 5 then break end
end
n = 0
for i = math.maxinteger - 1, math.maxinteger, 10 do
  print('big step', i)
  n = n + 1
  if n == 3 then break end
end
for i = math.mininteger, math.mininteger + 2, math.maxinteger do print('huge step', i) end
for i = math.maxinteger - 2, math.maxinteger - 1 do print('stops', i) end
