-- table.concat rejects values that are not strings or numbers, naming their type and index.
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2, true}))
print(pcall(table.concat, {1, 2}, ",", 1, 3))
print(pcall(table.concat, {}, {}))
print(pcall(table.concat, {}, ",", "x"))
print(pcall(table.concat, 42))
local ok, err = pcall(function() return table.concat({print}) end)
print(ok, err)
