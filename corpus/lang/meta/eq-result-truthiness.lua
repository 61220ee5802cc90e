-- The result of __eq is converted with truthiness.
local results = {0, '', false, nil, 'x'}
for i = 1, 5 do
  local r = results[i]
  local mt = {__eq = function() return r end}
  print(i, setmetatable({}, mt) == setmetatable({}, mt), setmetatable({}, mt) ~= setmetatable({}, mt))
end
