-- Nested loops computing a multiplication table checksum.
local sum = 0
local diag = {}
for i = 1, 9 do
  for j = 1, 9 do
    sum = sum + i * j
    if i == j then diag[#diag + 1] = i * j end
  end
end
print(sum, table.concat(diag, ','))
