-- Rethrowing a caught message keeps the original position.
local function f() error('original') end
local ok, e = pcall(f)
print(pcall(error, e))
print(pcall(function() error(e, 0) end))
print(pcall(function() error(e) end))
