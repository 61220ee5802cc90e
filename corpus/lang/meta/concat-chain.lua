-- A chain a..b..c with a table in the middle calls __concat twice.
local calls = {}
local t = setmetatable({}, {__concat = function(a, b)
  local function d(x) return type(x) == 'table' and 'T' or x end
  calls[#calls + 1] = d(a) .. '+' .. d(b)
  return setmetatable({}, getmetatable(type(a) == 'table' and a or b))
end})
local r = 'a' .. t .. 'c'
print(type(r), table.concat(calls, ' | '))
calls = {}
r = 'x' .. 'y' .. t .. 'z' .. 'w'
print(type(r), table.concat(calls, ' | '))
