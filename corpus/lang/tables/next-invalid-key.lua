-- next with a key that is not in the table is an error.
local t = {1, 2}
print(pcall(next, t, 'nope'))
print(pcall(next, t, 3))
print(pcall(next, nil))
