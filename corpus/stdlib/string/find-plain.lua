-- A pattern without special characters is searched for as plain text.
print(string.find("hello world", "wor"), string.find("hello", "xyz"), string.find("hello", ""))
print(string.find("aaa", "aa"), string.find("abcabc", "cab"), string.find("a\0b", "\0"))
print(string.find("", ""), string.find("", "a"), string.find("abc", "abcd"))
print(string.find(12345, 34), string.find("x1.5y", 1.5))
