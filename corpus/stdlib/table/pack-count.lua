-- table.pack stores its arguments and their count, holes included.
local p = table.pack()
print(p.n, #p)
p = table.pack(nil)
print(p.n, p[1])
p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
p = table.pack("a", "b", "c")
print(p.n, table.concat(p, ","))
local function count(...) return table.pack(...).n end
print(count(), count(nil, nil), count(table.unpack({1, 2, 3})))
