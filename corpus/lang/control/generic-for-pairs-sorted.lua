-- Iterating a hash table in a deterministic order via sorted keys.
local stock = {pears = 3, apples = 7, figs = 0, kiwis = 12}
local names = {}
for name in pairs(stock) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do print(name, stock[name]) end
