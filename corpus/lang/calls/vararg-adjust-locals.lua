-- Varargs adjusted into locals and assignments.
local function f(...)
  local a, b = ...
  local c = ...
  local d, e, g = 'x', ...
  return a, b, c, d, e, g
end
print(f(1, 2, 3))
print(f(1))
print(f())
