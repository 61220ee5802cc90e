-- '()' captures the current position as an integer.
print(string.match("hello", "()"), string.match("hello", "()l"), string.match("hello", "l()"))
print(string.match("hello", "()(l+)()"))
print(string.find("abc", "()", 4), string.match("", "()"))
local a, b = string.match("x = 10", "()=()")
print(a, b, type(a), type(b))
