-- An error inside a coroutine ends it, and resume returns false with the error value exactly
-- as raised: any type, no position added to non-strings.
local function fail_with(v)
  local co = coroutine.create(function() error(v) end)
  local ok, e = coroutine.resume(co)
  return ok, e, coroutine.status(co)
end
local t = {code = 42}
local f = function() return "inside f" end
local th = coroutine.create(function() end)
print(fail_with("a string"))
print(fail_with(17))
print(fail_with(1.5))
print(fail_with(true))
print(fail_with(false))
print(fail_with(nil))
local ok, e = fail_with(t); print(ok, e == t, e.code)
ok, e = fail_with(f); print(ok, e == f, e())
ok, e = fail_with(th); print(ok, e == th, type(e))
-- a table error value with __tostring is not converted
local obj = setmetatable({}, {__tostring = function() return "custom" end})
ok, e = fail_with(obj); print(ok, e == obj, tostring(e))
-- the error value after earlier yields
local co = coroutine.create(function() coroutine.yield(1) error({1, 2, 3}) end)
coroutine.resume(co)
local ok2, e2 = coroutine.resume(co)
print(ok2, type(e2), #e2)
-- number error values get no position either
print(coroutine.resume(coroutine.create(function() error(404, 1) end)))
