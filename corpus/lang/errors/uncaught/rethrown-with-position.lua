-- Rethrowing with the default level adds a second position.
local ok, err = pcall(function() local x = nil; return x.y end)
print(ok)
error(err)
