-- string.sub with positive indices, including empty and reversed ranges.
local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(1, 1), s:sub(11, 11), s:sub(5, 4) == "")
print(s:sub(1), s:sub(3, 100), s:sub(12), s:sub(100, 200) == "")
print(("\0a\0b"):sub(2, 3) == "a\0", #("\0a\0b"):sub(1, 3))
