-- utf8.offset checks its position and refuses to start inside a sequence.
local s = "a\u{E9}b"
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, -1, 3))
print(pcall(utf8.offset, s, 1, 0))
print(pcall(utf8.offset, s, 1, 6))
print(pcall(utf8.offset, s))
print(pcall(utf8.offset, s, 1.5))
print(utf8.offset(s, 0, 3))
