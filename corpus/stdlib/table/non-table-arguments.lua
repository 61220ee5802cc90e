-- Table functions accept non-tables only with the metamethods they need.
local readonly = setmetatable({}, {__index = function(_, i) return i end, __len = function() return 3 end})
print(pcall(table.concat, readonly, ","))
print(pcall(table.insert, readonly, 1))
print(pcall(table.concat, "abc"))
print(pcall(table.sort, 5))
print(pcall(table.remove, true))
print(pcall(table.unpack, "abc"))
print(pcall(table.move, {1}, 1, 1, 1, "x"))
