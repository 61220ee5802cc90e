-- __mul, __div, __mod, __idiv and __pow receive operands in order.
local function show(name)
  return function(a, b)
    local function d(x) return type(x) == 'table' and x.n or tostring(x) end
    return name .. '(' .. d(a) .. ',' .. d(b) .. ')'
  end
end
local mt = {__mul = show('mul'), __div = show('div'), __mod = show('mod'),
  __idiv = show('idiv'), __pow = show('pow')}
local x = setmetatable({n = 'X'}, mt)
print(x * 2, 2 * x, x / 2, 2 / x)
print(x % 2, 2 % x, x // 2, 2 // x)
print(x ^ 2, 2 ^ x, x * x)
