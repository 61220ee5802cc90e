-- table.unpack refuses ranges too large for the stack, and needs a length for defaults.
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
print(pcall(table.unpack, {}, 0, math.maxinteger))
print(pcall(table.unpack))
print(pcall(table.unpack, nil, 1, 2))
print(pcall(table.unpack, {}, 1.5))
print(pcall(table.unpack, {}, 1, "x"))
print(select("#", table.unpack({}, 1, 10000)))
