-- string.rep with counts and separators.
print(string.rep('ab', 3), string.rep('ab', 3, ','), string.rep('x', 1, ','))
print(string.rep('x', 0), string.rep('x', -5), string.rep('', 10), #string.rep('', 10, ''))
print(string.rep('-', 10), #string.rep('abc', 100))
print(string.rep('a', 2, ''), string.rep('', 3, '|'))
