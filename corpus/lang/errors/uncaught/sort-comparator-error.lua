-- An uncaught error raised inside table.sort's comparator.
local data = {5, 3, 8, 1}
table.sort(data, function(a, b)
  if a == 8 or b == 8 then error('eight is not allowed') end
  return a < b
end)
