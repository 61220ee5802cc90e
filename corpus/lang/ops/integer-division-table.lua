-- A table of // and % results for small signed operands.
for a = -3, 3 do
  local row = {}
  for _, b in ipairs({-2, -1, 1, 2}) do
    row[#row + 1] = string.format('%d//%d=%d %d%%%d=%d', a, b, a // b, a, b, a % b)
  end
  print(table.concat(row, '  '))
end
