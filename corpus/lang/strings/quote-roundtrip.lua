-- Strings formatted with %q load back to the same value.
local samples = {'plain', 'q"uote', 'back\\slash', 'nl\nx', 'nul\0z', '\1\2\3', '\r', '\255'}
for i, s in ipairs(samples) do
  local code = 'return ' .. string.format('%q', s)
  local back = load(code)()
  print(i, back == s, #back)
end
