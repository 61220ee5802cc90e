-- Concatenation converts numbers with their subtype-specific formats.
print(1 .. 2, 1.0 .. 2, 1 .. 2.0, 0.1 .. '')
print(-1 .. '', -1.5 .. '', 1e16 .. '', 2^63 .. '')
local parts = {}
for i = 1, 5 do parts[#parts + 1] = i / 2 end
print(table.concat(parts, ' '))
