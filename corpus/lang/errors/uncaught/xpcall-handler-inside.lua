-- A handled error followed by an uncaught one in the same function.
local function work()
  local ok, msg = xpcall(function() error('handled') end, function(m) return 'H:' .. m end)
  print(ok, msg)
  local t
  return t.after
end
work()
