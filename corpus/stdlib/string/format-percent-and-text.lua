-- '%%' is a percent sign; text around items is copied, zeros included.
local f = string.format
print(f("100%%"), f("%%d"), f("a%%b%%c"), f("%d%%", 50), f("no items"), f(""))
print(f("x\0y%d", 1) == "x\0y1", #f("%s\0%s", "a", "b"))
print(f("%d %s", 1, "two", "ignored"), f("%5.1f%%", 99.44))
print(f(12), f(1.5))
