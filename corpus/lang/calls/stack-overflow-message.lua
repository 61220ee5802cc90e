-- The complete stack overflow message, printed by pcall.
local function recurse(n) local x = recurse(n + 1) return x end
print(pcall(recurse, 1))
print('still running')
