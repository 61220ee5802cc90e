-- '%f[set]' matches where the previous byte is outside the set and the next inside.
print(string.gsub("THE (quick) fox", "%f[%a]%a+", "W"))
print(string.gsub("THE (quick) fox", "%f[%a]%a+%f[%A]", "W"))
print(string.find("hello", "%f[%z]"), string.find("hello", "%f[%Z]"))
print(string.gsub("one two  three", "%f[%S]", "|"))
print(string.match("key=val", "%f[%w]%w+$"), string.find("aaa", "%f[a]", 2))
print(pcall(string.find, "abc", "%f"))
print(pcall(string.find, "abc", "%fa"))
print(pcall(string.find, "abc", "%f[a"))
