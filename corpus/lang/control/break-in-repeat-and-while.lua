-- break from repeat, while and generic for.
local i = 0
repeat
  i = i + 1
  if i == 3 then break end
until false
print(i)
while true do i = i + 1; if i > 10 then break end end
print(i)
for k, v in ipairs({'a', 'b', 'c', 'd'}) do
  if v == 'c' then print('found at', k) break end
end
