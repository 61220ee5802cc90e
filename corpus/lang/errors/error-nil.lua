-- error() and error(nil) raise nil.
print(pcall(error))
print(pcall(function() error() end))
print(pcall(function() error(nil, 2) end))
local ok, e = pcall(error)
print(ok, e == nil, type(e))
