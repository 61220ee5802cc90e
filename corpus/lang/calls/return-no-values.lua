-- Functions without return give no values; 'return' alone too.
local function a() end
local function b() return end
local function c() do return end end
print(select('#', a()), select('#', b()), select('#', c()))
print(a(), b())
local x = a()
print(x)
