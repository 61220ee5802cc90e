-- Packing varargs with their count.
local function pack(...) return {n = select('#', ...), ...} end
local p = pack('a', nil, 'c', nil, nil)
print(p.n, p[1], p[2], p[3], p[4], p[5])
local function unpack_n(t) return table.unpack(t, 1, t.n) end
print(select('#', unpack_n(p)))
