-- Equality tests against constants in conditions.
local function classify(v)
  if v == nil then return 'nil'
  elseif v == true then return 'true'
  elseif v == false then return 'false'
  elseif v == 0 then return 'zero'
  elseif v == 1.5 then return 'one and a half'
  elseif v == 'x' then return 'ex'
  else return 'other' end
end
for _, v in ipairs({1.5, 0, 0.0, -0.0, 'x', 'y', 3}) do print(v, classify(v)) end
print(classify(nil), classify(true), classify(false))
