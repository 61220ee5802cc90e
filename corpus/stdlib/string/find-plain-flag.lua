-- The fourth argument turns off pattern matching.
print(string.find("a+b", "+", 1, true), string.find("a.b", ".", 1, true), string.find("a.b", "."))
print(string.find("50%", "%", 1, true), string.find("[x]", "[", 1, 1), string.find("(", "(", 1, "yes"))
print(string.find("a+b", "a+", 1, false), string.find("a+b", "a+", 1, nil))
print(string.find("^abc", "^a", 1, true), string.find("abc$", "c$", 1, true))
print(pcall(string.find, "abc", "%"))
