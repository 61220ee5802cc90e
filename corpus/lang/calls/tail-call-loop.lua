-- A tail-recursive loop of a million steps does not grow the stack.
local function loop(n)
  if n == 0 then return 'done' end
  return loop(n - 1)
end
print(loop(1000000))
