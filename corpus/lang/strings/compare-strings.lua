-- String comparison is bytewise.
local words = {'banana', 'Apple', 'apple', 'cherry', '', 'a', 'B', 'ab', 'a\0', '10', '9', '~'}
table.sort(words)
for i, w in ipairs(words) do print(i, string.format('%q', w)) end
print('a' < 'b', 'abc' < 'abd', 'abc' < 'ab', 'Z' < 'a')
