-- Deeply nested tables built in a loop and walked back.
local root = {}
local node = root
for i = 1, 200 do node.child = {depth = i}; node = node.child end
local d, n = 0, root
while n.child do n = n.child; d = n.depth end
print(d)
