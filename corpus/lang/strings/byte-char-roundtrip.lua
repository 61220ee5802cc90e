-- string.byte and string.char are inverses.
local s = 'Hello, World!'
local bytes = {s:byte(1, -1)}
print(#bytes, bytes[1], bytes[#bytes])
print(string.char(table.unpack(bytes)) == s)
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local joined = table.concat(all)
print(#joined, joined:byte(1), joined:byte(256), joined:byte(129))
print(string.char(72, 105), string.byte('A'), string.byte('ABC', 2), string.byte('ABC', -1))
