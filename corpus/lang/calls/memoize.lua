-- A memoising wrapper that counts real calls.
local calls = 0
local function slow_square(x) calls = calls + 1; return x * x end
local function memoize(f)
  local cache = {}
  return function(x)
    local v = cache[x]
    if v == nil then v = f(x); cache[x] = v end
    return v
  end
end
local sq = memoize(slow_square)
print(sq(4), sq(4), sq(5), sq(4), calls)
local fib
fib = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80))
