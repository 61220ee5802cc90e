-- upper and lower change ASCII letters only; other bytes pass through.
print(string.upper("Hello, World! 123"), string.lower("Hello, World! 123"))
print(("MiXeD"):lower(), ("MiXeD"):upper(), string.upper(""), string.lower(12))
local s = string.upper("\xe0\xe9caf\xe9\0z")
print(#s, s:byte(1, -1))
print(string.lower("ABC\0DEF") == "abc\0def")
print(pcall(string.upper))
