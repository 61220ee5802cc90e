-- goto continue: skipping the rest of a loop body.
for i = 1, 10 do
  if i % 3 == 0 then goto continue end
  print(i)
  ::continue::
end
local i = 0
while i < 6 do
  i = i + 1
  if i % 2 == 1 then goto next end
  print('even', i)
  ::next::
end
