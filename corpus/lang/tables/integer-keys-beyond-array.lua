-- Large and negative integer keys live in the hash part.
local t = {}
t[-1] = 'neg'; t[0] = 'zero'; t[1000000] = 'million'; t[math.maxinteger] = 'max'
print(t[-1], t[0], t[1000000], t[math.maxinteger], t[math.mininteger])
print(#t)
t[1] = 'one'
print(#t)
