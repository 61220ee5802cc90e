-- An anchored pattern is tried once, at the start.
print(string.gsub("aaa", "^a", "b"))
print(string.gsub("baa", "^a", "b"))
print(string.gsub("hello", "^", ">"))
print(string.gsub("hello", "$", "<"))
print(string.gsub("hello", "^$", "x"))
print(string.gsub("", "^$", "x"))
print(string.gsub("  padded  ", "^%s+", ""))
