-- Uncaught stack overflow from infinite non-tail recursion.
local function forever(n)
  local r = forever(n + 1)
  return r
end
forever(1)
