-- Float formatting used by concatenation matches tostring.
local vals = {0.1, 1/3, 1e15, 1e16, 2^53, -0.0, 100.0, 1e100, 2^63, 123.456}
for _, v in ipairs(vals) do
  print(v .. '' == tostring(v), v .. '')
end
