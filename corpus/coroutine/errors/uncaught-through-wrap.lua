-- An error raised inside a wrap'd coroutine and never caught ends the main chunk: the message
-- carries the positions added by the error and by the wrap call, and the traceback is the
-- main thread's.
local function parse(s)
  local n = tonumber(s)
  if not n then error("not a number: " .. s) end
  return n
end
local numbers = coroutine.wrap(function(list)
  for _, s in ipairs(list) do coroutine.yield(parse(s)) end
end)
print(numbers({"1", "2", "x"}))
print(numbers())
local function consume()
  return numbers()
end
consume()
