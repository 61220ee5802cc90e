-- gmatch iterates over successive matches.
for w in string.gmatch("one two  three", "%a+") do print(w) end
for n in ("1, 22, 333"):gmatch("%d+") do print(n, #n) end
local count = 0
for _ in string.gmatch("", "x") do count = count + 1 end
print(count)
for c in string.gmatch("abc", ".") do print(c) end
