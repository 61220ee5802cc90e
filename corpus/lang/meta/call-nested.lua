-- A __call field that is itself a callable table.
local inner = setmetatable({}, {__call = function(self, a, b, c)
  return 'inner', type(a), type(b), c
end})
local outer = setmetatable({}, {__call = inner})
print(pcall(outer, 'arg'))
