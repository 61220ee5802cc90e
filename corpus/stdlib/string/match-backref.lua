-- '%1'..'%9' match the text of an earlier capture.
print(string.match('say "hi" or \'ho\'', "([\"'])(.-)%1"))
print(string.match("abcabc", "(abc)%1"), string.match("abab", "(a)(b)%1%2"), string.match("aa bb cd", "(%a)%1", 3))
print(string.find("xyzxyz", "(x(y)z)%2"), string.find("xyzxyz", "(x(y)z)%1"))
print(string.match("a", "()%1"))
print(pcall(string.match, "aa", "(a%1)"))
print(pcall(string.match, "aa", "%1(a)"))
