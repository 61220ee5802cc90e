-- table.concat rejects non-string values.
print(pcall(function() return table.concat({1, 2, {}}) end))
print(pcall(function() return table.concat({'a', true}) end))
print(pcall(function() return table.concat({1, 2}, ', ', 1, 5) end))
