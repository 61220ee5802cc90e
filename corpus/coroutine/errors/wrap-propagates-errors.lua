-- wrap propagates errors raised in the coroutine to its caller: a string message gets the
-- position of the wrap'd call prefixed (when the caller is a Lua function), any other value
-- is propagated unchanged.
local function make(v) return coroutine.wrap(function() coroutine.yield("first") error(v) end) end
local w = make("plain")
print(w())
print(pcall(function()
  return w()
end))
local w0 = coroutine.wrap(function() error("no position", 0) end)
print(pcall(function() return w0() end))
local t = {}
local wt = make(t)
wt()
local ok, e = pcall(function() return wt() end)
print(ok, e == t)
local wn = make(42)
wn()
print(pcall(function() return wn() end))
-- a runtime error inside the coroutine
local wr = coroutine.wrap(function() local x; return x.y end)
print(pcall(function() local r = wr() return r end))
-- nested wraps add one prefix per Lua caller
local innerw = coroutine.wrap(function() error("deep") end)
local outerw = coroutine.wrap(function() return innerw() end)
print(pcall(function() return outerw() end))
