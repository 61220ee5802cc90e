-- table.move reads and writes through metamethods, in increasing or decreasing order.
local log = {}
local function tracked(name)
  local raw = {1, 2, 3, 4}
  return setmetatable({}, {
    __index = function(_, k) log[#log + 1] = name .. "[" .. k .. "]" return raw[k] end,
    __newindex = function(_, k, v) log[#log + 1] = name .. "[" .. k .. "]=" .. tostring(v) raw[k] = v end,
  })
end
local a = tracked("a")
table.move(a, 1, 3, 2)
print(table.concat(log, " ")) log = {}
table.move(a, 2, 4, 1)
print(table.concat(log, " ")) log = {}
local b = tracked("b")
table.move(a, 1, 2, 3, b)
print(table.concat(log, " "))
