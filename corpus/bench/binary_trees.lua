-- Measures: allocation of many small tables and recursive traversal (binary-trees).
local function make(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return {make(depth), make(depth)}
end
local function check(tree)
  if tree[1] then return 1 + check(tree[1]) + check(tree[2]) end
  return 1
end
local max_depth = 14
local stretch = check(make(max_depth + 1))
local long_lived = make(max_depth)
local lines = {}
for depth = 4, max_depth, 2 do
  local iters = 1 << (max_depth - depth + 3)
  local c = 0
  for _ = 1, iters do c = c + check(make(depth)) end
  lines[#lines + 1] = iters .. ':' .. depth .. ':' .. c
end
print('binary_trees', stretch, check(long_lived), table.concat(lines, ' '))
