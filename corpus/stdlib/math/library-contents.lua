-- The math library's functions and constants, listed in sorted order with their types.
local names = {}
for k, v in pairs(math) do names[#names + 1] = k .. ":" .. (math.type(v) or type(v)) end
table.sort(names)
print(#names)
for i = 1, #names, 6 do print(table.concat(names, " ", i, math.min(i + 5, #names))) end
