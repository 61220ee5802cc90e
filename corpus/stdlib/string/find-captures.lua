-- find returns start and end, then the captures.
print(string.find("key = value", "(%w+)%s*=%s*(%w+)"))
print(string.find("hello", "l(l)(o)"))
print(string.find("hello", "()ll()"))
print(string.find("abc", "(x?)"))
print(string.find("  x", "^%s*()"))
