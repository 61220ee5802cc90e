-- Fixed-size strings 'cN', length-prefixed 'sN' and zero-terminated 'z'.
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("c5", "ab")), hex(string.pack("c2", "ab")), string.pack("c0", "") == "")
print(hex(string.pack("<s1", "abc")), hex(string.pack(">s2", "abc")), hex(string.pack("<s", "ab")), hex(string.pack("z", "hi")))
print(string.unpack("c3", "abcdef"), string.unpack("c2c2", "abcd"), string.unpack("s1", "\3abcde"))
print(string.unpack("z", "abc\0def"), string.unpack("zz", "a\0b\0"), string.unpack("z", "abc"))
print(string.unpack("<s4", string.pack("<s4", ("x"):rep(300))) == ("x"):rep(300))
print(string.pack("s1", ("x"):rep(255)):len(), string.pack(12, 1):len())
