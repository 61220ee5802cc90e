-- Measures: string concatenation with '..', number-to-string conversion, table.concat.
local N = 200000
local pieces = {}
for i = 1, N do
  pieces[#pieces + 1] = 'item' .. i .. ':' .. (i * 3) .. ';'
end
local joined = table.concat(pieces)
local s = ''
for i = 1, 10000 do s = s .. (i % 10) end
local lines = {}
for round = 1, 300 do
  local buf = {}
  for i = 1, 1000 do buf[i] = i .. ',' .. round * i end
  lines[round] = table.concat(buf, '|')
end
local big = table.concat(lines, '\n')
local checksum = 0
for i = 1, #big, 97 do checksum = checksum + big:byte(i) end
print('concat', #joined, #s, #big, checksum)
