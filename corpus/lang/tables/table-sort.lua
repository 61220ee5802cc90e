-- table.sort with default and custom comparators.
local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(table.concat(t, ' '))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, ' '))
local words = {'pear', 'apple', 'fig', 'banana'}
table.sort(words)
print(table.concat(words, ' '))
table.sort(words, function(a, b) return #a < #b end)
print(words[1], words[4])
print(pcall(table.sort, {1, 'a', 2}))
