-- '%bxy' matches a balanced run from x to y.
print(string.match("f(a(b)c)d", "%b()"), string.match("[[x]]y]", "%b[]"), string.match("(((", "%b()"))
print(string.find("if (a and (b or c)) then", "%b()"), string.match("<a<b>>", "%b<>"))
print(string.match("abba", "%bab"), string.match("xx", "%bxx"), string.match("x(y)", "x%b()$"))
print(string.gsub("a(b)c(d(e))f", "%b()", "[]"))
print(pcall(string.match, "x", "%b"))
print(pcall(string.match, "x", "%bx"))
