-- Functions defined inside functions each get new closures.
local function outer()
  local function inner() return 'inner' end
  return inner
end
print(outer()(), outer() == outer())
local function same() return print end
print(same() == same())
