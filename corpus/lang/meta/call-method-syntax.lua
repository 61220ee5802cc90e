-- Callable tables used through method-call syntax and as iterators.
local gen = setmetatable({i = 0}, {__call = function(self)
  self.i = self.i + 1
  if self.i <= 3 then return self.i end
end})
for v in gen do print('iter', v) end
local obj = {f = setmetatable({}, {__call = function(_, self, x) return self.tag .. x end}), tag = 'T'}
print(obj:f('!'))
