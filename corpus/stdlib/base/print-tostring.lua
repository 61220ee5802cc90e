-- print and tostring: every basic type, __tostring and __name, the global tostring print calls at call time, and the errors of tostring.
print()
print(nil)
print(nil, nil, 1, false, true, "s", 1.0, -0.0, 1e15, 1e16, 2^63, math.mininteger, 1/0, -1/0)
print("a\0b", #tostring("a\0b"))
print(tostring({}):match("^table: ") ~= nil, tostring(coroutine.create(print)):match("^thread: ") ~= nil)
print(tostring(io.stdout):match("^file %(") ~= nil)
local obj = setmetatable({}, {__tostring = function(t) return "OBJ" end})
print(obj, tostring(obj))
local named = setmetatable({}, {__name = "MyType"})
print(tostring(named):match("^MyType: ") ~= nil)
local badname = setmetatable({}, {__name = 42})
print(tostring(badname):match("^table: ") ~= nil)
-- __tostring may return a number, which counts as a string.
print(setmetatable({}, {__tostring = function() return 42 end}))
print(pcall(tostring, setmetatable({}, {__tostring = function() return {} end})))
print(pcall(tostring, setmetatable({}, {__tostring = function() return nil end})))
print(pcall(tostring, setmetatable({}, {__tostring = function() error("in tostring") end})))
print(pcall(tostring, setmetatable({}, {__tostring = "not callable"})))
print(pcall(tostring))
print(tostring(nil), tostring(false), tostring(-0.0), tostring(100), tostring(1e100))
-- print looks up the global tostring on each call.
local original = tostring
tostring = function(v) return "<" .. original(v) .. ">" end
print(1, "two", nil)
tostring = original
print(1, "two", nil)
