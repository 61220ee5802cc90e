-- Indexing an undefined global names the global.
print(pcall(function() return config.value end))
print(pcall(function() config.value = 1 end))
print(pcall(function() return config[1] end))
