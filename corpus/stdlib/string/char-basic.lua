-- string.char builds a string from byte values; it round-trips with string.byte.
print(string.char(72, 105), string.char() == "", string.char("65", 66.0))
local t = ""
for i = 0, 255 do t = t .. string.char(i) end
print(#t, t:byte(1), t:byte(256), t:sub(66, 70))
local ok = true
for i = 1, 256 do if t:byte(i) ~= i - 1 then ok = false end end
print(ok, string.char(0):byte(), #string.char(0, 0, 0))
