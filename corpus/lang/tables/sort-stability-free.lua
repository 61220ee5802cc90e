-- table.sort with a comparator on keys only; tied elements are printed sorted.
local t = {}
for i = 1, 30 do t[i] = {key = i % 4, id = i} end
table.sort(t, function(a, b) return a.key < b.key end)
local groups = {}
for _, e in ipairs(t) do
  groups[e.key] = (groups[e.key] or 0) + 1
end
print(groups[0], groups[1], groups[2], groups[3])
local ok = true
for i = 2, #t do if t[i - 1].key > t[i].key then ok = false end end
print(ok)
