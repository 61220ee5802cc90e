-- Breaking out of a loop from inside nested blocks.
local result = {}
for i = 1, 10 do
  do
    local sq = i * i
    if sq > 30 then break end
    result[#result + 1] = sq
  end
end
print(table.concat(result, ' '))
