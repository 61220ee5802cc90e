-- __tostring errors when converting; only tostring is called here.
local t = setmetatable({}, {__tostring = function() return {} end})
print(pcall(tostring, t))
print(pcall(function() return tostring(t) end))
