-- tonumber on numbers and other values.
print(tonumber(10), tonumber(1.5), tonumber(-0.0))
print(tonumber(true), tonumber({}), tonumber(print))
print(pcall(tonumber))
print(pcall(tonumber, nil))
print(tonumber(nil, nil) == nil or 'x')
