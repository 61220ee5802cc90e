-- Calls with many arguments and results.
local function count(...) return select('#', ...) end
local t = {}
for i = 1, 200 do t[i] = i end
print(count(table.unpack(t)))
local function id(...) return ... end
local r = {id(table.unpack(t))}
print(#r, r[1], r[200])
print(count(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20))
