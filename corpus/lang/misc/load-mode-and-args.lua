-- load with mode 't' accepts text; bad arguments are reported.
print(load('return 1', 'x', 't')())
print(pcall(load))
print(type(select(2, pcall(load, 'return 1', 'x', 't', nil))))
print(load('return 2', nil, nil, nil)())
