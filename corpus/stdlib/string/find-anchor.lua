-- '^' anchors the match at init; elsewhere it is an ordinary character.
print(string.find("abc", "^a"), string.find("abc", "^b"), string.find("abc", "^b", 2))
print(string.find("a^b", "a^b"), string.find("^^", "^^"), string.find("abc", "^"))
print(string.find("abc", "c$"), string.find("abc", "b$"), string.find("a$b", "a$b"))
print(string.find("", "^$"), string.find("x", "^$"), string.find("abc", "^abc$"))
