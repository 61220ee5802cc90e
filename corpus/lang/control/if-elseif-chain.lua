-- if/elseif/else chains choose the first true branch.
local function grade(n)
  if n >= 90 then return 'A'
  elseif n >= 80 then return 'B'
  elseif n >= 70 then return 'C'
  elseif n >= 60 then return 'D'
  else return 'F' end
end
for _, n in ipairs({95, 90, 85, 72, 60, 59, 0, -1}) do print(n, grade(n)) end
