-- %q of numbers, booleans and nil; other values have no literal form.
local f = string.format
print(f("%q", 42), f("%q", -7), f("%q", 0), f("%q", 9223372036854775807), f("%q", -9223372036854775807 - 1))
print(f("%q", 1.0), f("%q", 0.5), f("%q", -0.0), f("%q", 0.1), f("%q", 2^63), f("%q", 1e100))
print(f("%q", 1/0), f("%q", -1/0), f("%q %q %q", true, false, nil))
print(f("%10q|", "x"), f("%-5q|", 1))
print(pcall(f, "%q", {}))
print(pcall(f, "%q", print))
print(pcall(f, "%q"))
