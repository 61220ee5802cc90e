-- The separator goes between copies only.
print(string.rep("ab", 3, ","), string.rep("x", 1, ","), string.rep("x", 0, ",") == "")
print(string.rep("", 4, "-"), string.rep("a", 3, ""), string.rep("a", 2, 1))
print(#string.rep("abc", 100, ", "), string.rep("a", -1, "sep") == "")
