-- assert returns its arguments or raises its message.
print(assert(1, 'unused'), assert('v', 2, 3))
print(pcall(assert, false))
print(pcall(assert, nil))
print(pcall(assert, false, 'custom message'))
print(pcall(assert, nil, 42))
print(pcall(assert))
