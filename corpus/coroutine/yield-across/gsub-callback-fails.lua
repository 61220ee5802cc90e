-- string.gsub calls a replacement function, or indexes a replacement table, through C calls
-- that cannot be continued: a yield there fails with "attempt to yield across a C-call
-- boundary".
local co = coroutine.create(function()
  print("function", pcall(string.gsub, "abc", "%w", function(c) return coroutine.yield(c) end))
  local repl = setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end})
  print("table", pcall(string.gsub, "abc", "%w", repl))
  print("method", pcall(function() return ("xy"):gsub(".", function(c) coroutine.yield() end) end))
  -- gsub itself works in a coroutine when the callback does not yield
  print("plain", ("abc"):gsub("%w", function(c) return c:upper() end))
  -- a callback may resume another coroutine: only yields of the current one are forbidden
  local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
  print("resume inside", ("abc"):gsub("%w", function(c) return c .. gen() end))
  return (("q"):gsub("q", function() coroutine.yield() end))
end)
print(coroutine.resume(co))
print(coroutine.status(co))
