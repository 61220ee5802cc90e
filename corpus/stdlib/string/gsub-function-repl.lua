-- A function replacement receives the captures; false or nil keeps the original.
print(string.gsub("hello world", "%w+", function(w) return w:upper() end))
print(string.gsub("a=1, b=2", "(%w+)=(%w+)", function(k, v) return v .. "=" .. k end))
print(string.gsub("abc", "%w", function(c) if c == "b" then return nil end return c .. c end))
print(string.gsub("abc", "%w", function() return false end))
print(string.gsub("abc", "%w", function() end))
print(string.gsub("hello", "l+", function(s) return #s end))
print(string.gsub("abc", ".", function(c) return 1.5 end))
print(string.gsub("abc", "()", function(p) return p end))
local seen = 0
print(string.gsub("aaa", "a", function() seen = seen + 1; return seen end), seen)
