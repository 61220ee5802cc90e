-- List constructors fill keys 1..n.
local t = {10, 20, 30}
print(#t, t[1], t[2], t[3], t[4])
local e = {}
print(#e, next(e))
local n = {nil, nil, 3}
print(n[1], n[2], n[3])
local s = {'a'; 'b'; 'c',}
print(#s, table.concat(s, ','))
