-- error levels inside a coroutine: level 1 is the function calling error, level 2 its caller,
-- level 0 no position; a level past the coroutine's first function adds no position, since
-- the resumer's stack is not the coroutine's.
local function raise(level) error("msg", level) end
local function caller(level)
  raise(level)
end
for _, level in ipairs({0, 1, 2, 3, 4, 10}) do
  local co = coroutine.create(function()
    caller(level)
  end)
  print(level, coroutine.resume(co))
end
-- in the body itself
print(coroutine.resume(coroutine.create(function() error("body", 1) end)))
print(coroutine.resume(coroutine.create(function() error("body", 2) end)))
-- with wrap, the message of the error raised at level 1 is prefixed again by the wrap call's
-- position
local w = coroutine.wrap(function() caller(1) end)
print(pcall(function() w() end))
local w2 = coroutine.wrap(function() caller(0) end)
print(pcall(function() w2() end))
