-- A string replacement; the second result counts the replacements.
print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "l+", "L"))
print(string.gsub("abc", "x", "y"))
print(string.gsub("hello", "", "-"))
print(string.gsub("", "", "x"))
print(string.gsub("a.b.c", "%.", "/"))
print(("hello"):gsub("l", "%%"))
