-- Sets: ranges, classes inside sets, negation, and ']' or '-' as members.
print(string.match("hello123", "[a-z]+"), string.match("hello123", "[%d]+"), string.match("x-y", "[%-]"))
print(string.match("abc]", "[^]]+"), string.match("]]", "[]]+"), string.match("a-z", "[a-]+"), string.match("-a", "[-a]+"))
print(string.match("^x", "[%^x]+"), string.match("^x", "[x^]+"), string.match("abc", "[^%a]"), string.match("ab1", "[^%a]"))
print(string.match("zyx", "[x-z]+"), string.match("b", "[c-a]"), string.match("AbC", "[%u]+"), string.match("a.b", "[.]"))
print(string.match("%", "[%%]"), string.match("a", "[a-]"), string.match("\0", "[%z]") == "\0", string.match("]", "[%]]"))
