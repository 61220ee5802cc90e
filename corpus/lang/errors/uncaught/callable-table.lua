-- An uncaught error raised inside a __call metamethod.
local validator = setmetatable({}, {__call = function(self, v)
  if v == nil then error('value required') end
  return v
end})
print(validator(1))
validator(nil)
