-- Repetitions over long subjects loop instead of nesting.
local s = ("ab"):rep(50000)
print(#s, string.find(s, "b$"), string.find(s, "^[ab]*$"))
print(string.gsub(s, "ab", "")  == "", select(2, string.gsub(s, "a", "a")))
local n = 0
for _ in string.gmatch(s, "a") do n = n + 1 end
print(n, #string.rep("x", 100000):match(".-$"), string.find(s, "ba", 99990, true))
