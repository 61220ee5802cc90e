-- string.format argument errors.
print(pcall(function() return string.format('%d', 'x') end))
print(pcall(function() return string.format('%d', 1.5) end))
print(pcall(function() return string.format('%y', 1) end))
print(pcall(function() return string.format('%d') end))
print(pcall(function() return ('%s %s'):format('only') end))
print(pcall(string.format, '%d', 1.5))
