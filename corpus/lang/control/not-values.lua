-- 'not' of every kind of value.
print(not nil, not false, not true, not 0, not 1, not '', not 'x')
print(not {}, not print, not (0/0), not -0.0)
print(not not nil, not not 'x', not not false)
