-- The subtype of a converted string is kept by the arithmetic.
local cases = {'1', '1.0', '0x1', '1e0', ' 1 ', '0x1p0', '1.', '.5'}
for _, s in ipairs(cases) do
  local v = s + 0
  print(string.format('%q', s), v, math.type(v))
end
