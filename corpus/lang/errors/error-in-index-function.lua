-- An error inside an __index function has the function's position.
local t = setmetatable({}, {__index = function(_, k)
  error('no field ' .. k)
end})
print(pcall(function() return t.foo end))
local u = setmetatable({}, {__index = function(_, k)
  error('no field ' .. k, 2)
end})
print(pcall(function() return u.bar end))
