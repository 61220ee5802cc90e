-- utf8.char accepts only integers from 0 to 0x10FFFF.
print(pcall(utf8.char, 0x110000))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 65, 66, -5))
print(pcall(utf8.char, 1.5))
print(pcall(utf8.char, "x"))
print(pcall(utf8.char, nil))
print(pcall(utf8.char, math.mininteger))
