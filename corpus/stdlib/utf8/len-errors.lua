-- utf8.len checks that its positions are inside the string.
print(pcall(utf8.len, "abc", 0))
print(pcall(utf8.len, "abc", 5))
print(pcall(utf8.len, "abc", 1, 4))
print(pcall(utf8.len, "abc", -10))
print(pcall(utf8.len))
print(pcall(utf8.len, {}))
print(pcall(utf8.len, "abc", "x"))
