-- '!' sets the maximum alignment; 'x' pads one byte; 'X' aligns to the next option.
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<!4 b i4", 1, 2)), hex(string.pack("<!2 b i4", 1, 2)), hex(string.pack("<b i4", 1, 2)))
print(hex(string.pack("<!8 b Xi8 b", 1, 2)), hex(string.pack("<b Xh b", 1, 2)), hex(string.pack("<!b Xh b", 1, 2)))
print(hex(string.pack("<bxh", 1, 2)), hex(string.pack("<!bxh", 1, 2)), hex(string.pack("<!4 b xx i2", 1, 2)))
print(hex(string.pack("<!4 z i4", "ab", 7)), hex(string.pack("<! c1 d", "a", 0)))
print(string.unpack("<!4 b i4", string.pack("<!4 b i4", 1, 2)))
print(string.unpack("<!4 i4 Xi4 b", string.pack("<!4 i4 b", 7, 9)))
