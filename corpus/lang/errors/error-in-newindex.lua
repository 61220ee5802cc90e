-- Errors in __newindex functions and in assignment chains.
local strict = setmetatable({}, {__newindex = function(t, k, v)
  error('cannot set ' .. tostring(k), 2)
end})
print(pcall(function() strict.x = 1 end))
print(pcall(function() strict[1] = 1 end))
