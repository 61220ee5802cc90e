-- utf8.codepoint fails on bad positions and on invalid sequences.
local s = "a\u{E9}b"
print(pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, s, 0))
print(pcall(utf8.codepoint, s, 1, 5))
print(pcall(utf8.codepoint, "\xFF"))
print(pcall(utf8.codepoint, "ab\xC3", 1, -1))
print(pcall(utf8.codepoint, "\xF4\x90\x80\x80"))
local ok, err = pcall(function() return utf8.codepoint("\xE0\x80\x80") end)
print(ok, err)
