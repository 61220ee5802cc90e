-- '*' and '+' are greedy, '-' is lazy, '?' is optional.
print(string.match("aaab", "a*"), string.match("aaab", "a+"), string.match("aaab", "a-b"), string.match("aaab", "a-"))
print(string.match("<a><b>", "<.*>"), string.match("<a><b>", "<.->"), string.match("b", "a?b"), string.match("ab", "a?b"))
print(string.match("xyz", "x*y+z?"), string.match("", "a*"), string.match("bbb", "a+"), string.match("color colour", "colou?r", 6))
print(string.match("aaa", "^(a-)a$"), string.match("aaa", "^(a*)a$"), string.match("abab", "(ab)*"))
print(string.find("aaa", "a-", 2), string.find("abc", ".-c"), string.find("  ", "%s*$"))
