-- table.unpack feeds varargs, and table.pack collects them back.
local function count(...) return select("#", ...) end
print(count(table.unpack({1, 2, 3})), count(table.unpack({1, nil, 3})), count(table.unpack({}, 1, 3)))
local function first_and_rest(...) local t = table.pack(...) return t[1], t.n - 1 end
print(first_and_rest(table.unpack({"a", "b", "c"})))
local p = table.pack(table.unpack({1, 2, nil, 4}, 1, 4))
print(p.n, p[1], p[2], p[3], p[4])
print(table.unpack({1, 2, 3}), "end")
print((table.unpack({1, 2, 3})))
print(string.format("%s-%s-%s", table.unpack({"x", "y", "z"})))
