-- Calling an undefined global names the global.
print(pcall(function() undefined_function() end))
print(pcall(function() return undefined_function(1, 2) end))
print(pcall(function() local x = undefined_function() end))
