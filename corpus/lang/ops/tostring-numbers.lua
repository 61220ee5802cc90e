-- tostring of edge numeric values.
local vals = {0, -0.0, 1, -1, 1.0, 0.1, 1e15, 1e16, 2^63, -2^63,
  math.maxinteger, math.mininteger, math.huge, -math.huge, 1e-310, 255 / 256}
for i, v in ipairs(vals) do
  print(i, tostring(v), math.type(v))
end
