-- '$' and '^' are literal when not at the ends; '.' matches any byte, even zero.
print(string.match("a$b", "a$b"), string.match("cost: $5", "%$%d"), string.match("x^y", "x^y"))
print(string.match("a\0b", "a.b") == "a\0b", string.match("\n", "."), #string.match("\0\0", ".*"))
print(string.match("a\0b", "%z"), string.find("a\0b", "\0", 1, true), string.find("a\0b", "[\0]"))
print(string.match("abc", "abc$"), string.match("abc$", "abc$"), string.match("$", "^$$"))
