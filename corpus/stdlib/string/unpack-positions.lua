-- The position argument of unpack, negative positions, and the returned next position.
local data = string.pack("<i2i2i2", 1, 2, 3)
print(string.unpack("<i2", data), string.unpack("<i2", data, 3), string.unpack("<i2", data, -2))
print(string.unpack("<i2i2", data, 2), string.unpack("", data), string.unpack("", data, 7))
print(pcall(string.unpack, "<i2", data, 8))
print(pcall(string.unpack, "<i2", data, 0))
print(pcall(string.unpack, "<i2", data, -7))
print(pcall(string.unpack, "<i2", data, 6))
print(select("#", string.unpack("<i2i2i2", data)), select("#", string.unpack("  ", data)))
