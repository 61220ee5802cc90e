-- Indexing a string with a number goes to the string table (nil).
local s = 'abc'
print(s[1], s.x, s['len'] == string.len)
