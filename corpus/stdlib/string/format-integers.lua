-- %d %i %u %o %x %X with integers, floats with integral values and numeric strings.
local f = string.format
print(f("%d %i %u", 42, -42, 42), f("%d", 3.0), f("%d", "10"), f("%d", "0x10"), f("%x", "255"))
print(f("%o %x %X", 8, 255, 255), f("%x", -1), f("%X", -255), f("%u", -1), f("%o", -1))
print(f("%d", 9223372036854775807), f("%d", -9223372036854775807 - 1), f("%x", -9223372036854775807 - 1))
print(f("%d", -0.0), f("%d", 2^53), f("%i", -2^63))
print(pcall(f, "%d", 3.5))
print(pcall(f, "%d", 2^63))
print(pcall(f, "%x", "1.5"))
print(pcall(f, "%d", "abc"))
