-- string.match returns the captures, or the whole match when there are none.
print(string.match("hello world", "%w+"), string.match("hello world", "(%w+) (%w+)"))
print(string.match("abc", "x"), string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(string.match("  trim  ", "^%s*(.-)%s*$") .. "|")
print(string.match("abc", "b", 3), string.match("abc", "b", -2), string.match("abc", ".", 10))
print(string.match("abc", ""), string.match("abc", "()", 4), string.match(123.5, "%d+"))
