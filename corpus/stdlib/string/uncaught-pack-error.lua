-- string.pack overflow raised in a nested call.
local function encode(values)
  local out = ""
  for i = 1, #values do out = out .. string.pack("<i2", values[i]) end
  return out
end
print(#encode({1, 2, 3}))
print(#encode({1, 40000}))
