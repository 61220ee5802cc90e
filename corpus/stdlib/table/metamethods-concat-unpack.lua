-- concat and unpack use __index for elements and __len for the default end.
local virtual = setmetatable({}, {
  __index = function(_, i) return i * i end,
  __len = function() return 4 end,
})
print(table.concat(virtual, " "))
print(table.unpack(virtual))
print(table.unpack(virtual, 3, 6))
print(table.concat(virtual, ",", 2, 3))
local strlen = setmetatable({}, {__len = function() return "2" end, __index = function(_, i) return "v" .. i end})
print(table.concat(strlen, "|"))
local bad = setmetatable({}, {__len = function() return 2.5 end})
print(pcall(table.concat, bad))
print(pcall(table.insert, bad, 1))
