-- Strings compare byte by byte (C locale), including embedded zeros.
print('a' < 'b', 'b' < 'a', '' < 'a', 'a' < '')
print('a' < 'ab', 'ab' < 'b', 'Z' < 'a', '10' < '9')
print('a\0b' < 'a\0c', 'a\0' > 'a', 'a\0b' == 'a\0b')
print('abc' <= 'abc', 'abc' >= 'abd', '\255' > '\1')
print('' <= '', 'A' < 'a', ' ' < '!')
