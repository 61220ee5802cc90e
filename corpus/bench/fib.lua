-- Measures: recursive Lua-to-Lua calls and integer arithmetic (naive fib).
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
local N = 32
local total = 0
for i = 25, N do total = total + fib(i) end
print('fib', N, fib(N), total)
