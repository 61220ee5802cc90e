-- Values outside 0..255 are out of range; the message names the argument.
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, 66, 300))
print(pcall(string.char, 1.5))
print(pcall(string.char, "x"))
print(pcall(string.char, 65, nil))
print(pcall(function() return string.char(0, 1, 2, 1000) end))
