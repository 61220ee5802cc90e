-- ipairs iterates from 1 until the first nil.
local t = {1, 2, nil, 4}
for i, v in ipairs(t) do print(i, v) end
local u = {n = 3, 'a', 'b'}
for i, v in ipairs(u) do print(i, v) end
for i, v in ipairs({}) do print('never', i, v) end
local f, s, i = ipairs(u)
print(type(f), s == u, i)
