-- utf8.offset finds the byte where the n-th character starts, counting from position i.
local s = "a\u{E9}\u{4E2D}\u{1F600}z"
local out = {}
for n = -6, 7 do out[#out + 1] = tostring(utf8.offset(s, n)) end
print(table.concat(out, " "))
out = {}
for n = -3, 4 do out[#out + 1] = tostring(utf8.offset(s, n, 4)) end
print(table.concat(out, " "))
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, 0, #s), utf8.offset(s, 0, #s + 1))
print(utf8.offset("", 1), utf8.offset("", -1), utf8.offset("", 0))
print(utf8.offset("abc", 4), utf8.offset("abc", 5), utf8.offset("abc", -3), utf8.offset("abc", -4))
