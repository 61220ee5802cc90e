-- The main chunk is vararg: '...' is usable at top level.
local n = select('#', ...)
print(n)
local function f(...) return select('#', ...) end
print(f(...), f(..., 'x'))
