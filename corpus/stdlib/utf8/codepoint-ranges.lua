-- utf8.codepoint decodes the characters starting between i and j.
local s = "a\u{E9}\u{4E2D}\u{1F600}"
print(utf8.codepoint(s))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2), utf8.codepoint(s, 4), utf8.codepoint(s, -4))
print(select("#", utf8.codepoint(s, 3, 2)))
print(utf8.codepoint(s, 1, 3))
print(utf8.codepoint("\u{10FFFF}\u{7F}\0"))
print(utf8.codepoint("\u{10FFFF}\u{7F}\0", 1, -1))
