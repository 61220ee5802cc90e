-- string.char of boundary values.
print(#string.char(0, 255), string.char(0, 255):byte(1, 2))
print(string.char(), #string.char())
print(pcall(string.char, 256))
