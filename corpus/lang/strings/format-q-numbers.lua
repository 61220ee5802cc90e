-- %q of numbers writes them so they read back exactly.
print(string.format('%q', 1), string.format('%q', -5), string.format('%q', 0))
print(string.format('%q', math.maxinteger), string.format('%q', math.mininteger))
print(string.format('%q', 1.5), string.format('%q', 0.1), string.format('%q', 1e100))
print(string.format('%q', 1/0), string.format('%q', -1/0), string.format('%q', 2^63))
print(string.format('%q', 0/0))
