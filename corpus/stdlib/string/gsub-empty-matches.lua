-- Empty matches: one at each position, but never right after a previous match.
print(string.gsub("abc", "x*", "-"))
print(string.gsub("abc", "b*", "-"))
print(string.gsub("hello world", "%a*", "X"))
print(string.gsub("", "x*", "-"))
print(string.gsub("aaa", "a-", "-"))
print(string.gsub("a b", "%f[%w]", "^"))
