-- Half a million values from table.unpack can be passed on as the arguments of a call.
local big = {}
for i = 1, 500000 do big[i] = i end
local function first(a) return a end
local function count(...) return select("#", ...) end
print(pcall(function() return first(table.unpack(big)) end))
print(pcall(function() local r = first(table.unpack(big)) return r end))
print(pcall(function() return count(table.unpack(big)) end))
print(pcall(function() return first(table.unpack(big, 1, #big)) end))
print(pcall(function() return select(-1, table.unpack(big)) end))
print(coroutine.resume(coroutine.create(function() return first(table.unpack(big)) end)))
