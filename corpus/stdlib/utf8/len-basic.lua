-- utf8.len counts the characters that start between i and j.
local s = "h\u{E9}llo w\u{F6}rld \u{2211} \u{1F600}"
print(#s, utf8.len(s))
print(utf8.len(s, 1), utf8.len(s, 3), utf8.len(s, -4), utf8.len(s, #s + 1))
print(utf8.len(s, 1, 2), utf8.len(s, 1, 1), utf8.len(s, 2, 1))
print(utf8.len(""), utf8.len("", 1), utf8.len("abc", 4), utf8.len("abc", -1))
print(utf8.len(12345), utf8.len("abc", 1.0, "2"))
