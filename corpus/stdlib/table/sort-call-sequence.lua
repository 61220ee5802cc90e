-- The order of comparisons and writes made by table.sort follows PUC's quicksort.
local calls = {}
local function cmp(a, b) calls[#calls + 1] = a .. "<" .. b return a < b end
local t = {5, 3, 8, 1, 9, 2, 7}
table.sort(t, cmp)
print(table.concat(t, " "))
print(#calls, table.concat(calls, " "))
local writes = {}
local raw = {"d", "a", "c", "b", "e"}
local proxy = setmetatable({}, {
  __index = raw,
  __newindex = function(_, k, v) writes[#writes + 1] = k .. "=" .. v raw[k] = v end,
  __len = function() return #raw end,
})
table.sort(proxy)
print(table.concat(raw, ""), table.concat(writes, " "))
