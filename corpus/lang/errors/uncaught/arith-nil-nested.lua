-- Arithmetic on nil three calls deep.
local function c(t) return t.count + 1 end
local function b(t) local r = c(t) return r end
local function a() local r = b({}) return r end
a()
