-- Measures: array-part and hash-part table reads and writes.
local N = 1000000
local arr = {}
for i = 1, N do arr[i] = i * 2 end
local sum = 0
for round = 1, 5 do
  for i = 1, N do
    arr[i] = arr[i] + round
    sum = sum + arr[i]
  end
end
local hash = {}
for i = 1, N do hash['k' .. (i % 5000)] = i end
local keys = {}
for i = 0, 4999 do keys[#keys + 1] = 'k' .. i end
local hsum = 0
for round = 1, 200 do
  for j = 1, #keys do
    local k = keys[j]
    local v = hash[k] + round
    hash[k] = v
    hsum = hsum + v
  end
end
local sparse = {}
for i = 1, 300000 do sparse[i * 7919 % 1000003] = i end
local ssum = 0
for i = 1, 300000 do ssum = ssum + (sparse[i * 7919 % 1000003] or 0) end
print('table_rw', sum, hsum, ssum)
