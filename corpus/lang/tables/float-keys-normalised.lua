-- Float keys with integral values become integer keys.
local t = {}
t[1.0] = 'a'; t[2] = 'b'; t[2^53] = 'c'; t[-0.0] = 'z'
print(t[1], t[2.0], t[9007199254740992], t[0])
for _, k in ipairs({1, 2, 2^53, 0}) do print(k, t[k]) end
local keys = {}
for k in pairs(t) do keys[#keys + 1] = math.type(k) end
table.sort(keys)
print(table.concat(keys, ' '))
print(#t)
