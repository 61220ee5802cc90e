-- tostring followed by tonumber gives back equal numbers (mostly).
for _, v in ipairs({0, 1, -1, 1.5, 100.0, 1e15, 2^53, math.maxinteger, math.mininteger, 0.1, 1/3}) do
  local s = tostring(v)
  local back = tonumber(s)
  print(s, back == v, math.type(back) == math.type(v))
end
