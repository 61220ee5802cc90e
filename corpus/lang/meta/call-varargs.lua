-- __call passes through every extra argument and result.
local counter = setmetatable({}, {__call = function(self, ...)
  return select('#', ...), ...
end})
print(counter())
print(counter(nil, nil))
print(counter(1, 2, 3))
local t = {counter(4, 5)}
print(#t)
