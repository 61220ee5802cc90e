-- Coroutine-based iterators over recursive structures: in-order traversal of a binary search
-- tree and depth-first traversal of a nested table, yielding from any recursion depth.
local function insert(tree, v)
  if tree == nil then return {value = v} end
  if v < tree.value then tree.left = insert(tree.left, v) else tree.right = insert(tree.right, v) end
  return tree
end
local function inorder(tree)
  return coroutine.wrap(function()
    local function walk(node, depth)
      if node == nil then return end
      walk(node.left, depth + 1)
      coroutine.yield(node.value, depth)
      walk(node.right, depth + 1)
    end
    walk(tree, 0)
  end)
end
local root
for _, v in ipairs({50, 30, 70, 20, 40, 60, 80, 35, 45, 65}) do root = insert(root, v) end
for v, depth in inorder(root) do print(string.rep("  ", depth) .. v) end
-- leaves of a nested array, with their paths
local function leaves(t)
  return coroutine.wrap(function()
    local path = {}
    local function walk(node)
      for i, child in ipairs(node) do
        path[#path + 1] = i
        if type(child) == "table" then walk(child) else coroutine.yield(table.concat(path, "."), child) end
        path[#path] = nil
      end
    end
    walk(t)
  end)
end
for p, leaf in leaves({"a", {"b", {"c", "d"}, "e"}, {{{"f"}}}}) do print(p, leaf) end
-- a deep degenerate tree (a list of 3000 nodes) walked recursively
local deep
for i = 3000, 1, -1 do deep = {left = deep, value = i} end
local n, last = 0
for v in inorder(deep) do n = n + 1; last = v end
print("deep", n, last)
