-- Measures: closure creation, calls through closures, upvalue reads and writes.
local function make_counter(step)
  local n = 0
  return function() n = n + step; return n end
end
local function make_adder(k) return function(x) return x + k end end
local N = 1000000
local total = 0
for i = 1, N do
  local c = make_counter(i % 7 + 1)
  c(); c()
  total = total + c()
  local add = make_adder(i)
  total = total + add(1) % 97
end
local shared = 0
local inc = function(v) shared = shared + v end
local get = function() return shared end
for i = 1, N * 5 do inc(i & 3) end
local compose = function(f, g) return function(x) return f(g(x)) end end
local h = compose(make_adder(3), make_adder(4))
local hsum = 0
for i = 1, N do hsum = hsum + h(i) end
print('closures', total, get(), hsum)
