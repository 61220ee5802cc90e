-- 'not' returns a boolean; only nil and false are falsy.
print(not nil, not false, not 0, not '', not {}, not 0.0)
print(not not nil, not not 1, not (1 == 2))
print(not 1 == 2, (not 1) == 2, not (1 == 2))
print(math.type(0) and true, not print)
