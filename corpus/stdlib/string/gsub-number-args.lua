-- Numbers are accepted where strings are expected, as subject, pattern and replacement.
print(string.gsub(12321, 2, 9))
print(string.gsub("x", "x", 1.5))
print(string.gsub("a1b2", "%d", 10))
print(string.gsub(1e15, "0", "_"))
print(string.gsub("v", "v", 0x10))
