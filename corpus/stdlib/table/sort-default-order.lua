-- table.sort with the default order: numbers of both subtypes, strings by bytes.
local n = {5, 2.5, -1, 3, 2, 10, 0, -0.5, 7}
table.sort(n)
print(table.concat(n, " "))
local s = {"pear", "Apple", "apple", "banana", "", "b", "a\0b", "a"}
table.sort(s)
for i, v in ipairs(s) do s[i] = string.format("%q", v) end
print(table.concat(s, " "))
local big = {}
for i = 1, 90 do big[i] = (i * 37) % 91 end
table.sort(big)
print(big[1], big[45], big[90])
print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {{}, {}}))
