-- string.byte returns the byte values of a range, by default the first byte.
print(string.byte("A"), string.byte("abc", 2), string.byte("abc", 1, 3))
print(("\0\1\255"):byte(1, -1))
print(string.byte("hello", -1), string.byte("hello", -3, -2))
print(string.byte(42, 1, 2))
