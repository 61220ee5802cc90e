-- Only nil and false are false in conditions.
local values = {0, '', 'false', false, nil, {}, 0.0, -0.0}
for i = 1, 8 do
  if values[i] then print(i, 'truthy') else print(i, 'falsy') end
end
