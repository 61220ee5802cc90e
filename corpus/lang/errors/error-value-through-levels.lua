-- Error values pass through several function levels unchanged.
local function a() error({depth = 'a'}) end
local function b() a() end
local function c() b() end
local ok, e = pcall(c)
print(ok, e.depth)
