-- The init argument: negative values count from the end; past the end nothing is found.
local s = "abcabc"
print(s:find("b", 3), s:find("b", -2), s:find("b", -100), s:find("b", 0))
print(s:find("", 7), s:find("", 8), s:find("", 100), s:find("c", 6), s:find("c", 7))
print(s:find("%a", 7), s:find("x*", 7), s:find(".-$", 4))
print(pcall(string.find, s, "b", 1.5))
print(pcall(string.find, s, "b", "x"))
