-- Iterators returning several values fill several variables.
local function triples(n)
  local i = 0
  return function()
    i = i + 1
    if i <= n then return i, i * i, i * i * i end
  end
end
for a, b, c in triples(3) do print(a, b, c) end
for a, b, c, d in triples(2) do print(a, b, c, d) end
for a in triples(2) do print(a) end
