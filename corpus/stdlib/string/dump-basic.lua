-- string.dump gives a binary chunk for Lua functions and refuses native ones.
local function add(a, b) return a + b end
local s = string.dump(add)
print(type(s), s:sub(1, 4) == "\27Lua", s:byte(5))
print(string.dump(add) == s, #string.dump(add, true) < #s)
print(pcall(string.dump, print))
print(pcall(string.dump, string.dump))
print(pcall(string.dump))
print(pcall(string.dump, {}))
print(pcall(string.dump, "function"))
