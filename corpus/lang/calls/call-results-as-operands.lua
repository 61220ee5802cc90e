-- Calls used as operands are truncated to one value.
local function two() return 10, 20 end
print(two() + 1, -two(), #{two()}, two() .. '', not two())
local t = {}
t[two()] = 'key'
print(t[10], t[20])
print(two() == 10, (two()))
