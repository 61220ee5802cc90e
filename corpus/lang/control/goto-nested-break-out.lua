-- goto can leave several nested loops at once.
local found
for i = 1, 5 do
  for j = 1, 5 do
    if i * j == 12 then found = i .. 'x' .. j goto done end
  end
end
::done::
print(found)
