-- __index as a table supplies missing fields.
local defaults = {color = 'red', size = 1}
local t = setmetatable({size = 5}, {__index = defaults})
print(t.color, t.size, t.missing)
defaults.missing = 'now present'
print(t.missing, rawget(t, 'color'))
