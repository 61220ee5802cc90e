-- An uncaught error raised in a local function called from another one.
local function validate(x)
  if x < 0 then error('negative value ' .. x) end
  return x
end
local function process(list)
  local sum = 0
  for _, v in ipairs(list) do sum = sum + validate(v) end
  return sum
end
print(process({1, 2, 3}))
process({1, -2, 3})
