-- Decoding with codepoint and encoding with char give back the same string.
local samples = {"", "ascii only", "caf\u{E9}", "\u{4E2D}\u{6587}", "\u{1F600}\u{1F601}", "\0\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"}
for _, s in ipairs(samples) do
  local again = utf8.char(utf8.codepoint(s, 1, -1))
  print(#s, utf8.len(s), again == s or (s == "" and again == ""))
end
local codes = {}
for _, c in utf8.codes("\u{E9}t\u{E9}") do codes[#codes + 1] = c end
print(utf8.char(table.unpack(codes)) == "\u{E9}t\u{E9}", table.concat(codes, ","))
