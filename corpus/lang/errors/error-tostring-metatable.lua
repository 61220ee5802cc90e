-- An error object with __tostring keeps its identity through pcall.
local E = setmetatable({msg = 'custom'}, {__tostring = function(self) return 'E: ' .. self.msg end})
local ok, e = pcall(error, E)
print(ok, e == E, tostring(e))
print(select(2, pcall(function() error(E, 2) end)) == E)
