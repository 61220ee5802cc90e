-- 'and'/'or' used as conditions jump without materialising values.
local function test(a, b, c)
  local r = {}
  if a and b then r[#r + 1] = 'ab' end
  if a or b then r[#r + 1] = 'a|b' end
  if a and b or c then r[#r + 1] = 'ab|c' end
  if not (a or b) and c then r[#r + 1] = '!(a|b)c' end
  if (a or b) and (b or c) then r[#r + 1] = '(a|b)(b|c)' end
  return table.concat(r, ' ')
end
for _, a in ipairs({false, true}) do
  for _, b in ipairs({false, true}) do
    for _, c in ipairs({false, true}) do
      print(a, b, c, test(a, b, c))
    end
  end
end
