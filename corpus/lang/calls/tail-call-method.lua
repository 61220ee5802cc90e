-- Tail calls through methods and callable tables.
local obj = {}
function obj:count(n) if n == 0 then return 'obj done' end return self:count(n - 1) end
print(obj:count(200000))
local callable = setmetatable({}, {__call = function(self, n)
  if n == 0 then return 'callable done' end
  return self(n - 1)
end})
print(callable(200000))
