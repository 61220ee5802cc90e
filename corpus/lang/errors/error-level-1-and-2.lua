-- Level 1 blames the function calling error; level 2 its caller.
local function check(x)
  if type(x) ~= 'number' then error('expected number', 2) end
  return x
end
local function user()
  return check('oops')
end
-- 'return check(...)' is a tail call, so level 2 is pcall itself: no position.
print(pcall(user))
local function user2()
  local v = check('oops')
  return v
end
print(pcall(user2))
local function lvl1() error('level one', 1) end
print(pcall(lvl1))
