-- A closure sees later assignments to a captured local.
local x = 1
local function get() return x end
x = 2
print(get())
x = 'three'
print(get())
local function setter() x = 'set inside' end
setter()
print(x, get())
