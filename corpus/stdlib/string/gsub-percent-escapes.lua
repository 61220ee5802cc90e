-- '%0' is the whole match, '%1'..'%9' the captures, '%%' a percent sign.
print(string.gsub("hello world", "(%w+)", "<%1>"))
print(string.gsub("hello world", "%w+", "%0 %0"))
print(string.gsub("abc", "%w", "%1%1"))
print(string.gsub("key=val", "(%w+)=(%w+)", "%2=%1"))
print(string.gsub("abc", "()", "%1"))
print(string.gsub("abc", "(b)()", "[%1%2]"))
print(string.gsub("50", "%d+", "%0%%"))
print(string.gsub("x", "x", "%%%%"))
