-- An uncaught error from string.rep called by a local function.
local function widen(s, n)
  return s:rep(n, ", ")
end
print(widen("ab", 3))
print(widen("ab", 2^40))
