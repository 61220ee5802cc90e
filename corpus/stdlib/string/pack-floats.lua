-- Floats: 'f' is single precision, 'd' and 'n' double.
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<d", 1.5)), hex(string.pack(">d", 1.5)), hex(string.pack("<f", 1.5)), hex(string.pack(">f", -2)))
print(string.unpack("<f", string.pack("<f", 0.1)) == 0.1, string.unpack("<d", string.pack("<d", 0.1)) == 0.1)
print(string.unpack("<f", string.pack("<f", 0.1)), string.unpack(">n", string.pack(">n", 1/3)))
print(string.unpack("<d", string.pack("<d", 1/0)), string.unpack("<d", string.pack("<d", -1/0)), string.unpack("<f", string.pack("<f", 1e300)))
print(string.unpack("d", string.pack("d", 3)), string.unpack("<d", string.pack("<d", -0.0)), string.pack("f", "2.5") == string.pack("f", 2.5))
