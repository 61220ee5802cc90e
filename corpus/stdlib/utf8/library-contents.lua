-- The utf8 library's fields, listed in sorted order with their types.
local names = {}
for k, v in pairs(utf8) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(#names, table.concat(names, " "))
