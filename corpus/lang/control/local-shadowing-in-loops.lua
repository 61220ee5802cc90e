-- Loop variables shadow outer locals of the same name.
local i = 'outer i'
for i = 1, 2 do print(i) end
print(i)
local k, v = 'k', 'v'
for k, v in ipairs({'x'}) do print(k, v) end
print(k, v)
