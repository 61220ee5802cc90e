-- require calls a loader, and load calls its reader, through C calls that cannot be
-- continued. A yield in a loader is an error raised by require; a yield in a reader makes
-- load return nil and the message. The coroutine survives both.
package.preload["yield-loader"] = function(name)
  coroutine.yield("in loader")
  return "module value"
end
package.preload["plain-loader"] = function(name) return "loaded " .. name end
local co = coroutine.create(function()
  print("require", pcall(require, "yield-loader"))
  print("not cached", package.loaded["yield-loader"])
  print("plain require", require("plain-loader"))
  local parts = {"return ", "1 + ", "2"}
  local i = 0
  print("load reader", load(function()
    i = i + 1
    if i == 2 then coroutine.yield("in reader") end
    return parts[i]
  end))
  i = 0
  local f = load(function() i = i + 1 return parts[i] end)
  print("load without yield", f())
  -- the loaded chunk itself runs as ordinary Lua and can yield
  local g = load("local a = ... ; return coroutine.yield(a) + 1")
  return g(10)
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 41))
print(coroutine.status(co))
