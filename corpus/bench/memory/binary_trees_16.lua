-- Measures: peak heap of binary-trees at max depth 16 (the Computer Language Benchmarks Game
-- program): a stretch tree of depth 17, a long-lived tree of depth 16 kept for the whole run,
-- and many short-lived trees of depth 4 to 16 built and checked one at a time. The live heap is
-- the long-lived tree plus one short-lived tree, about two trees of depth 16.
local function make(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return {make(depth), make(depth)}
end

local function check(tree)
  if tree[1] then return 1 + check(tree[1]) + check(tree[2]) end
  return 1
end

local min_depth = 4
local max_depth = 16
local stretch_depth = max_depth + 1

local lines = {}
lines[#lines + 1] = 'stretch tree of depth ' .. stretch_depth .. '\t check: ' .. check(make(stretch_depth))

local long_lived = make(max_depth)

for depth = min_depth, max_depth, 2 do
  local iterations = 1 << (max_depth - depth + min_depth)
  local c = 0
  for _ = 1, iterations do
    c = c + check(make(depth))
  end
  lines[#lines + 1] = iterations .. '\t trees of depth ' .. depth .. '\t check: ' .. c
end

lines[#lines + 1] = 'long lived tree of depth ' .. max_depth .. '\t check: ' .. check(long_lived)
print(table.concat(lines, '\n'))
