-- Integers of every size, in both byte orders.
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("b", -1)), hex(string.pack("B", 255)), hex(string.pack("<h", 1)), hex(string.pack(">h", 1)))
print(hex(string.pack("<i4", 100)), hex(string.pack(">i4", -2)), hex(string.pack("<I3", 0x123456)), hex(string.pack(">I3", 0x123456)))
print(hex(string.pack("<j", -2)), hex(string.pack(">J", 1)), hex(string.pack("<l", 7)), hex(string.pack("<T", 8)))
print(hex(string.pack("<i16", -3)), hex(string.pack(">I9", 5)), hex(string.pack("<i12", 1)))
print(string.unpack("<i4", string.pack("<i4", -123456)), string.unpack(">I2", "\1\2"), string.unpack("<I2", "\1\2"))
print(string.unpack("<i16", string.pack("<i16", -3)), string.unpack(">i9", string.pack(">i9", 12345)))
print(string.unpack("b", "\200"), string.unpack("B", "\200"), string.unpack("<h", "\255\255"), string.unpack("<H", "\255\255"))
print(string.unpack("<i8", "\0\0\0\0\0\0\0\128"), string.unpack("<I8", "\255\255\255\255\255\255\255\255"))
