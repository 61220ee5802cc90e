-- An error inside __tostring propagates through tostring.
local t = setmetatable({}, {__tostring = function() error('no string for you') end})
print(pcall(tostring, t))
