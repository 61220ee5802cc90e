-- pcall returns true plus every result, or false plus the error value.
print(pcall(function() return 1, 2, 3 end))
print(pcall(function() end))
print(select('#', pcall(function() end)))
print(pcall(error))
print(pcall(error, nil))
print(pcall(pcall))
