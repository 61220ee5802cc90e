-- A codepoint range with more characters than the stack can hold fails; a large one works.
local s = ("x"):rep(1000000)
print(select("#", utf8.codepoint(s, 1, 100000)))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 10, -1))
print(select("#", utf8.codepoint(s, 5, 4)), utf8.codepoint(s, -1))
