-- The table library's functions, listed in sorted order.
local names = {}
for k, v in pairs(table) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(#names, table.concat(names, " "))
