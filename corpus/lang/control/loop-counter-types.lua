-- The type of the counter depends on all three for expressions.
local function kinds(a, b, c)
  local out = {}
  for i = a, b, c do out[#out + 1] = math.type(i) end
  return table.concat(out, ',')
end
print(kinds(1, 2, 1), kinds(1.0, 2, 1), kinds(1, 2.0, 1), kinds(1, 2, 1.0))
