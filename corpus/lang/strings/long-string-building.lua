-- Building a long string piece by piece and with table.concat.
local s = ''
for i = 1, 100 do s = s .. string.format('%03d', i) end
print(#s, s:sub(1, 9), s:sub(-6))
local parts = {}
for i = 1, 1000 do parts[i] = string.char(65 + i % 26) end
local joined = table.concat(parts)
print(#joined, joined:sub(1, 30))
