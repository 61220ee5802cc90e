-- package.searchpath checks its arguments in C's evaluation order, which gcc makes last to first: with none, #2 is blamed.
print(pcall(package.searchpath))
print(pcall(package.searchpath, nil, nil, {}))
print(pcall(package.searchpath, {}, {}))
print(pcall(package.searchpath, {}, "p", {}, {}))
