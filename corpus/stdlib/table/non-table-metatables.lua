-- Values that are not tables pass the table functions' checks when their metatable has the needed fields.
local store = {}
local mt = {
  __index = function(_, k) return store[k] end,
  __newindex = function(_, k, v) store[k] = v end,
  __len = function() return #store end,
}
debug.setmetatable(0, mt)
table.insert(7, "a")
table.insert(7, 1, "b")
print(table.concat(7, ","), #store)
print(table.unpack(7))
table.move(7, 1, 2, 3)
print(table.concat(store, ","))
table.sort(7)
print(table.concat(store, ","))
print(table.remove(7), table.remove(7, 1), table.concat(store, ","))
print(table.move({"x", "y"}, 1, 2, 1, 7) == 7, table.concat(store, ","))
debug.setmetatable(0, {__index = store})
print(pcall(table.concat, 7))
print(pcall(table.insert, 7, "z"))
print(pcall(table.move, 7, 1, 1, 1))
print(pcall(table.move, {}, 1, 1, 1, 7))
debug.setmetatable(0, {__len = function() return 0 end, __newindex = function() end})
print(pcall(table.sort, 7))
print(pcall(table.remove, 7))
print(pcall(table.concat, 7))
debug.setmetatable(0, nil)
print(pcall(table.sort, 7))
