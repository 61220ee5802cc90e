-- '{f(), nil}' truncates the call to one value.
local function two() return 'a', 'b' end
local t = {two(), nil}
print(t[1], t[2], t[3])
t = {two(), two(), nil}
print(t[1], t[2], t[3], t[4])
t = {x = two(), two()}
print(t.x, t[1], t[2])
