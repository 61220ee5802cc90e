-- %d, %5d, %-5d, %05d, %+d, %x, %X, %o, %c.
print(string.format('%d|%5d|%-5d|%05d|%+d', 42, 42, 42, 42, 42))
print(string.format('%d|%d', math.maxinteger, math.mininteger))
print(string.format('%x|%X|%#x|%o', 255, 255, 255, 8))
print(string.format('%x', -1), string.format('%5x|', 10))
print(string.format('%c%c%c', 76, 117, 97))
print(string.format('%d', 3.0), string.format('%d', '10'))
