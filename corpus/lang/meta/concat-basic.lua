-- __concat with the table on the left and on the right.
local mt = {__concat = function(a, b)
  local function d(x) return type(x) == 'table' and '[' .. x.name .. ']' or tostring(x) end
  return d(a) .. d(b)
end}
local t = setmetatable({name = 'T'}, mt)
print(t .. 'str', 'str' .. t, 1 .. t, t .. 2.5)
print(t .. t)
