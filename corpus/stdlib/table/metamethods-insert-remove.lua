-- insert and remove read and write through __index, __newindex and __len, in PUC's order.
local log = {}
local raw = {10, 20, 30}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. k return raw[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v) raw[k] = v end,
  __len = function() log[#log + 1] = "len" return #raw end,
})
local function flush(what) print(what, table.concat(log, " ")) log = {} end
table.insert(proxy, 40) flush("append")
table.insert(proxy, 2, 15) flush("insert2")
print(table.remove(proxy)) flush("pop")
print(table.remove(proxy, 1)) flush("shift")
print(table.concat(raw, ","))
