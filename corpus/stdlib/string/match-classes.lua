-- Character classes follow the C locale; upper-case letters complement them.
local all = ""
for i = 0, 127 do all = all .. string.char(i) end
local function count(class)
  local n = 0
  for i = 1, #all do if all:sub(i, i):find("^" .. class .. "$") then n = n + 1 end end
  return n
end
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "z"}) do
  print(c, count("%" .. c), count("%" .. c:upper()))
end
print(("\128\200\255"):find("%a"), ("\128\200\255"):find("%A"), ("\t\v\f\r\n "):match("%s+") == "\t\v\f\r\n ")
print(string.match("x.y", "%."), string.match("50%", "%%"), string.match("a]", "%]"))
