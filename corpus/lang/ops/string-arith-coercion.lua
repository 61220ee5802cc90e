-- Strings are converted to numbers in arithmetic.
print('10' + 1, '10' - 1, '10' * 2, '10' / 2)
print(math.type('10' + 1), math.type('10' * 2))
print(' 0x10 ' * 2, '1e2' // 1, '7' % '3')
print('3.0' + 0, '0x10' + 0, '  5  ' + 0)
print(10 + '1', 2 ^ '3', '2' ^ 3)
print(-'3', '9' // 2, '9.0' // 2)
