-- Multiple results are adjusted to the number of targets.
local function three() return 1, 2, 3 end
local a, b, c, d = three()
print(a, b, c, d)
local x, y = three(), 10
print(x, y)
local p, q, r = 0, three()
print(p, q, r)
local u = three()
print(u)
