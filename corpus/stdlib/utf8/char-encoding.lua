-- utf8.char encodes code points in one to four bytes.
local function bytes(s) return table.concat({s:byte(1, -1)}, " ") end
for _, c in ipairs({0, 65, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF}) do
  print(c, bytes(utf8.char(c)), #utf8.char(c))
end
print(utf8.char(72, 0xE9, 0x4E2D, 0x1F600) == "H\u{E9}\u{4E2D}\u{1F600}")
print(utf8.char() == "", utf8.char("65", 66.0))
