-- Nested if statements with shared locals.
local function classify(x, y)
  local r
  if x > 0 then
    if y > 0 then r = 'Q1' else if y < 0 then r = 'Q4' else r = '+x axis' end end
  elseif x < 0 then
    if y > 0 then r = 'Q2' elseif y < 0 then r = 'Q3' else r = '-x axis' end
  else
    r = y == 0 and 'origin' or 'y axis'
  end
  return r
end
print(classify(1, 1), classify(-1, 1), classify(-1, -1), classify(1, -1))
print(classify(1, 0), classify(-1, 0), classify(0, 0), classify(0, 5))
