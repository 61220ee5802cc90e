-- repeat loops with an inner conditional and a body-local condition.
local out = {}
local n = 0
repeat
  n = n + 1
  local skip = n % 3 == 0
  if not skip then out[#out + 1] = n end
until n >= 10 and not skip
print(table.concat(out, ' '), n)
