-- In Lua 5.3, gmatch treats '^' as an ordinary character.
for m in string.gmatch("^a^a", "^a") do print(m) end
local n = 0
for m in string.gmatch("aaa", "^a") do n = n + 1 end
print(n)
for m in string.gmatch("x$y$", "%a$") do print(m) end
