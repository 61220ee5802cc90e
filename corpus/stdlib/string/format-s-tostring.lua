-- %s uses __tostring; with a precision it truncates, with a width it pads.
local f = string.format
local obj = setmetatable({}, {__tostring = function() return "OBJ" end})
print(f("%s|%5s|%-5s|%.1s|", obj, obj, obj, obj))
print(f("%s %s %s %s", nil, true, 12, 1.5), f("%s", 2^63), f("%s", -0.0))
print(f("%.3s|%5.2s|%.0s|%-6.4s|", "abcdef", "abcdef", "abc", "abcdef"))
print(f("%s", "a\0b") == "a\0b", #f("%s", ("x"):rep(200)), #f("%5s", ("x"):rep(150)))
local num = setmetatable({}, {__tostring = function() return 42 end})
print(f("%s", num))
local named = setmetatable({}, {__name = "MyType"})
print(f("%s", named):match("^MyType: ") ~= nil)
print(pcall(f, "%s", setmetatable({}, {__tostring = function() return {} end})))
print(pcall(f, "%5s", "a\0b"))
print(pcall(f, "%s"))
