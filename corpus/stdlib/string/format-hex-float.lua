-- %a and %A write floats in hexadecimal as glibc does.
local f = string.format
print(f("%a", 1), f("%a", 0.5), f("%a", -2.25), f("%A", 255.5), f("%a", 0.0), f("%a", -0.0))
print(f("%a", 0.1), f("%a", 1e300), f("%a", 2^-1022), f("%a", 2^-1074), f("%a", 1e-310))
print(f("%.0a", 1.5), f("%.0a", 2.5), f("%.1a", 1.96875), f("%.1a", 1.03125), f("%.3a", 1e-310), f("%.20a", 0.1))
print(f("%12a|%-12a|%012a|%+a|% a|%#a", 1, 1, 1, 1, 1, 1))
print(f("%a %A %a", 1/0, -1/0, 3))
