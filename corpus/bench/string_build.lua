-- Measures: string.format, string.rep, string.sub and string.byte in a
-- report-building workload.
local N = 300000
local rows = {}
for i = 1, N do
  rows[i] = string.format('%6d|%-8s|%8.3f|%x', i, string.rep('ab', i % 4 + 1), i / 7, i * 31)
end
local hash = 0
for i = 1, N, 3 do
  local r = rows[i]
  for j = 1, #r, 5 do hash = (hash * 33 + r:byte(j)) % 4294967296 end
  hash = (hash + #r:sub(3, 12)) % 4294967296
end
local banner = string.rep('=', 60)
local report = {}
for i = 1, 2000 do
  report[#report + 1] = banner:sub(1, i % 60) .. string.format('%q', rows[i]:sub(1, 10))
end
local text = table.concat(report, '\n')
print('string_build', #rows[N], hash, #text)
