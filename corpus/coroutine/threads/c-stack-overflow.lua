-- Each nested resume uses a C-call level; nesting them without bound fails with "C stack
-- overflow" in the innermost resume, which its resumer can see and handle. (Only the message
-- is printed, not the depth at which it happens.)
local failure
local function nest(n)
  if n == 0 then return "bottom" end
  local ok, v = coroutine.resume(coroutine.create(nest), n - 1)
  if not ok then failure = failure or v return "failed" end
  return v
end
print(nest(100), failure)
print(nest(250), failure)
-- the same through wrap: the error propagates through every level as an error
local function wnest()
  return coroutine.wrap(wnest)()
end
-- (each level prefixes its position, so only the message's shape is printed)
local ok, msg = pcall(wnest)
print(ok, msg:match("C stack overflow$"), msg:find("^coroutine/threads/c%-stack%-overflow%.lua:15: ") ~= nil)
-- the coroutines still work afterwards
print(coroutine.wrap(function() return "fine" end)())
