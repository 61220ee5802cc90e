-- A table of float % results with fractional operands.
for _, a in ipairs({-2.5, -1.0, -0.5, 0.5, 1.0, 2.5}) do
  local row = {}
  for _, b in ipairs({-1.5, 1.5, 2}) do
    row[#row + 1] = tostring(a % b) .. '/' .. tostring(a // b)
  end
  print(a, table.concat(row, ' '))
end
