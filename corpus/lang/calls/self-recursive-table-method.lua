-- A method that recurses through self with a table accumulator.
local tree = {value = 1, children = {
  {value = 2, children = {{value = 4, children = {}}}},
  {value = 3, children = {}},
}}
local walker = {}
function walker:sum(node)
  local s = node.value
  for _, c in ipairs(node.children) do s = s + self:sum(c) end
  return s
end
print(walker:sum(tree))
