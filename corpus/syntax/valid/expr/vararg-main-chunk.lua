local a, b = ...
t = {...}
print(...)
x = select('#', ...)
