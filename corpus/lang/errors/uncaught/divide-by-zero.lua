-- An uncaught integer division by zero in a nested function.
local function average(sum, count) return sum // count end
print(average(10, 2))
print(average(10, 0))
