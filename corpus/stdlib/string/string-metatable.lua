-- Strings share a metatable whose __index is the string table.
local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("abc") == mt)
print(("abc"):upper(), ("%d"):format(5), ("x"):rep(3), #("hello"):sub(2))
local s = "hello"
print(s.len == string.len, s:len(), s.upper(s), ("a,b"):find(",", 1, true))
print(("abc").nosuch, pcall(function() return ("abc"):nosuch() end))
string.shout = function(str) return str:upper() .. "!" end
print(("hi"):shout())
string.shout = nil
