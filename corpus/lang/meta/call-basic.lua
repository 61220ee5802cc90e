-- __call makes a table callable and receives the table first.
local obj = setmetatable({name = 'obj'}, {__call = function(self, a, b)
  return self.name, a, b
end})
print(obj(1, 2))
print(obj())
print(pcall(obj, 'x'))
