-- %c writes one byte; the integer is taken modulo 256.
local f = string.format
print(f("%c%c%c", 76, 117, 97), f("%5c|%-5c|", 65, 66), f("%05c|", 67), f("%.3c|", 68))
print(f("%c", 0) == "\0", f("%c", 256 + 65), f("%c", 65.0), f("%c", "66"))
print(pcall(f, "%c", 1.5))
print(pcall(f, "%c", "x"))
