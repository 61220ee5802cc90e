-- tonumber with a base requires a string and a base in range.
print(pcall(tonumber, 10, 16))
print(pcall(tonumber, '10', 1))
print(pcall(tonumber, '10', 37))
print(pcall(tonumber, '10', 'x'))
print(pcall(tonumber, {}, 10))
