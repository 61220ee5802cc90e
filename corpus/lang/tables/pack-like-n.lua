-- A table.pack-like helper records 'n' including trailing nils.
local function pack(...) return {n = select('#', ...), ...} end
local p = pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
print(table.unpack(p, 1, p.n))
local q = pack()
print(q.n, q[1])
